// Synchronous checks run by update validators: they reject a request before it enters history.
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { benefitEditRefusal, initiativeEditRefusal, type EditRefusal } from '../domain/edits.js';
import { PLAN_PROBLEM } from '../domain/exchange.js';
import { isDecidable } from '../domain/gates.js';
import { BusinessError, type BenefitPlanEdit, type DecisionRequest, type InitiativeEdit, type WorkflowState } from './definitions.js';

const refuse = (type: BusinessError, message: string): never => {
  throw ApplicationFailure.create({ type, message });
};

export function requireActive(state: WorkflowState): void {
  if (state.status !== 'active') refuse(BusinessError.NotActive, `the initiative is ${state.status}`);
}

export function validateDecision(state: WorkflowState, request: DecisionRequest, decisionInFlight: boolean): void {
  requireActive(state);
  if (request.gate !== state.gate) refuse(BusinessError.WrongGate, `the current gate is ${state.gate}, not ${request.gate}`);
  const step = request.step ?? state.step;
  if (step !== state.step) {
    refuse(
      BusinessError.WrongGate,
      state.step === 'confirmation' ? 'implementation is waiting for the service owner to confirm go-live' : 'implementation has not been declared done yet',
    );
  }
  if (!isDecidable(state.gate)) refuse(BusinessError.NotApplicable, 'benefit realisation passes on its measurements; an administrator can skip it');
  if (request.link) {
    if (request.link.round !== state.round) refuse(BusinessError.StaleLink, 'this link was sent for an earlier round of the gate; a newer request has gone out since');
    if (state.waitingOnId && request.link.personId !== state.waitingOnId) refuse(BusinessError.StaleLink, 'the gate has been handed to someone else since this link was sent');
  }
  if (decisionInFlight) refuse(BusinessError.DecisionInFlight, 'another decision on this gate is being recorded');
}

function refuseEdit(refusal: EditRefusal | null): void {
  if (refusal) refuse(refusal.reason === 'not-active' ? BusinessError.NotActive : BusinessError.Locked, refusal.message);
}

export function validateInitiativeEdit(state: WorkflowState, edit: InitiativeEdit): void {
  refuseEdit(initiativeEditRefusal(state, Object.keys(edit.changes)));
}

export function validateBenefitPlanEdit(state: WorkflowState, edit: BenefitPlanEdit): void {
  refuseEdit(benefitEditRefusal(state, edit.operation, Object.keys(edit.fields)));
}

/** The message of an activity failure caused by a plan the calendar cannot follow; null for any other error. */
export function planProblemOf(error: unknown): string | null {
  // A remote activity's failure arrives wrapped in an ActivityFailure; a local one's as it was thrown.
  const failure = error instanceof ActivityFailure ? error.cause : error;
  return failure instanceof ApplicationFailure && failure.type === PLAN_PROBLEM ? failure.message : null;
}

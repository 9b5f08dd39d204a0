// Synchronous checks run by update validators: they reject a request before it enters history.
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { benefitEditRefusal, initiativeEditRefusal, type EditRefusal } from '../domain/edits.js';
import { PLAN_PROBLEM } from '../domain/exchange.js';
import { isDecidable } from '../domain/gates.js';
import {
  BusinessError,
  type BenefitPlanEdit,
  type ConditionClosing,
  type DecisionRequest,
  type InitiativeEdit,
  type LinkOrigin,
  type PlanChangeAnswer,
  type ReviewAnswer,
  type WorkflowState,
} from './definitions.js';

const refuse = (type: BusinessError, message: string, fields?: Record<string, string>): never => {
  throw ApplicationFailure.create({ type, message, details: fields ? [fields] : undefined });
};

export function requireActive(state: WorkflowState): void {
  if (state.status !== 'active') refuse(BusinessError.NotActive, `the initiative is ${state.status}`);
}

/** Drafts take edits too: they are prepared before anyone is asked. */
export function requireOpen(state: WorkflowState): void {
  if (state.status !== 'active' && state.status !== 'draft') refuse(BusinessError.NotActive, `the initiative is ${state.status}`);
}

/** A link acts only in the round it was issued for, and only for someone the step still waits for. */
function checkLink(state: WorkflowState, link: LinkOrigin | undefined): void {
  if (!link) return;
  if (link.round !== state.round) refuse(BusinessError.StaleLink, 'this link was sent for an earlier round of the gate; a newer request has gone out since');
  const waitingOn = state.waitingOnIds ?? (state.waitingOnId ? [state.waitingOnId] : []);
  if (waitingOn.length > 0 && !waitingOn.includes(link.personId)) refuse(BusinessError.StaleLink, 'the gate has been handed to someone else since this link was sent');
}

export function validateDecision(state: WorkflowState, request: DecisionRequest, decisionInFlight: boolean): void {
  requireActive(state);
  if (request.gate !== state.gate) refuse(BusinessError.WrongGate, `the current gate is ${state.gate}, not ${request.gate}`);
  if (state.step === 'revision') refuse(BusinessError.WrongGate, 'the gate is back with the project manager for revision; it is decided once they resubmit');
  // A gate on hold may be decided before the hold ends.
  const step = request.step === 'hold' ? 'decision' : (request.step ?? state.step);
  const current = state.step === 'hold' ? 'decision' : state.step;
  if (step !== current) {
    refuse(
      BusinessError.WrongGate,
      state.step === 'confirmation' ? 'implementation is waiting for the service owner to confirm go-live' : 'implementation has not been declared done yet',
    );
  }
  if (!isDecidable(state.gate)) refuse(BusinessError.NotApplicable, 'benefit realisation passes on its measurements; an administrator can skip it');
  if (request.decision === 'hold' && !(request.until && Date.parse(request.until) > Date.now())) refuse(BusinessError.NotApplicable, 'a hold needs a date in the future');
  checkLink(state, request.link);
  if (request.decision === 'approve') {
    const open = (state.conditions ?? []).filter((c) => c.status === 'open');
    if (open.length > 0) {
      refuse(BusinessError.OpenConditions, 'conditions of an earlier approval are still open; they are met or waived before the next decision', Object.fromEntries(open.map((c) => [`conditions.${c.id}`, 'is open'])));
    }
  }
  if (decisionInFlight) refuse(BusinessError.DecisionInFlight, 'another decision on this gate is being recorded');
}

export function validateSubmission(state: WorkflowState): void {
  const submittable = state.status === 'draft' || (state.status === 'active' && state.step === 'revision');
  if (!submittable) refuse(BusinessError.NotApplicable, state.status === 'active' ? 'the gate is not waiting for a resubmission' : `the initiative is ${state.status}`);
}

function refuseEdit(refusal: EditRefusal | null): void {
  if (refusal) refuse(refusal.reason === 'not-active' ? BusinessError.NotActive : BusinessError.Locked, refusal.message);
}

export function validateInitiativeEdit(state: WorkflowState, edit: InitiativeEdit): void {
  refuseEdit(initiativeEditRefusal(state, Object.keys(edit.changes)));
}

export function validateBenefitPlanEdit(state: WorkflowState, edit: BenefitPlanEdit): void {
  refuseEdit(benefitEditRefusal(state, edit.operation, Object.keys(edit.fields), Boolean(edit.planChangeId)));
}

export function validateConditionClosing(state: WorkflowState, closing: ConditionClosing): void {
  requireOpen(state);
  const condition = state.conditions?.find((c) => c.id === closing.conditionId);
  if (!condition) refuse(BusinessError.NotApplicable, 'no such condition on this initiative');
  if (condition!.status !== 'open') refuse(BusinessError.NotApplicable, `the condition is already ${condition!.status}`);
}

export function validatePlanChangeAnswer(state: WorkflowState, answer: PlanChangeAnswer): void {
  requireActive(state);
  if (!state.pendingPlanChanges?.includes(answer.planChangeId)) refuse(BusinessError.NotApplicable, 'the plan change has already been answered or withdrawn');
}

export function validateReviewAnswer(state: WorkflowState, answer: ReviewAnswer): void {
  requireActive(state);
  if (!state.openReviews?.includes(answer.reviewId)) refuse(BusinessError.NotApplicable, 'the review has already been decided');
  if (answer.decision === 'adjust' && !(answer.benefitId && typeof answer.target === 'number')) refuse(BusinessError.NotApplicable, 'adjusting a target names the benefit and its new target');
}

/** The message of an activity failure caused by a plan the calendar cannot follow; null for any other error. */
export function planProblemOf(error: unknown): string | null {
  // A remote activity's failure arrives wrapped in an ActivityFailure; a local one's as it was thrown.
  const failure = error instanceof ActivityFailure ? error.cause : error;
  return failure instanceof ApplicationFailure && failure.type === PLAN_PROBLEM ? failure.message : null;
}

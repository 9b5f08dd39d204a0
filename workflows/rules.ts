// Synchronous checks run by update validators: they reject a request before it enters history.
import { ApplicationFailure } from '@temporalio/workflow';
import { BusinessError, type DecisionRequest, type WorkflowState } from './definitions.js';

export function validateDecision(state: WorkflowState, request: DecisionRequest, decisionInFlight: boolean): void {
  if (state.status !== 'active') {
    throw ApplicationFailure.create({ type: BusinessError.NotActive, message: `the initiative is ${state.status}` });
  }
  if (request.gate !== state.gate) {
    throw ApplicationFailure.create({
      type: BusinessError.WrongGate,
      message: `the current gate is ${state.gate}, not ${request.gate}`,
    });
  }
  const step = request.step ?? state.step;
  if (step !== state.step) {
    throw ApplicationFailure.create({
      type: BusinessError.WrongGate,
      message: state.step === 'confirmation'
        ? 'implementation is waiting for the service owner to confirm go-live'
        : 'implementation has not been declared done yet',
    });
  }
  if (state.gate === 'benefit-realisation') {
    throw ApplicationFailure.create({
      type: BusinessError.NotApplicable,
      message: 'benefit realisation passes on its measurements; an administrator can skip it',
    });
  }
  if (decisionInFlight) {
    throw ApplicationFailure.create({ type: BusinessError.DecisionInFlight, message: 'another decision on this gate is being recorded' });
  }
}

// Update and query handlers of the initiative workflow. Validators refuse what does not fit the
// current gate before it enters history; accepted requests go to the inbox.
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { DatabaseActivities } from './activities.js';
import {
  adminUpdate,
  BusinessError,
  decideUpdate,
  measurementUpdate,
  reportProgressUpdate,
  stateQuery,
  type AdminRequest,
  type MeasurementNotice,
  type ProgressReport,
  type WorkflowState,
} from './definitions.js';
import type { Inbox } from './inbox.js';
import { validateDecision } from './rules.js';

function requireActive(state: WorkflowState): void {
  if (state.status !== 'active') throw ApplicationFailure.create({ type: BusinessError.NotActive, message: `the initiative is ${state.status}` });
}

export function registerHandlers(state: WorkflowState, inbox: Inbox, db: DatabaseActivities): void {
  let decisionInFlight = false;
  const answer = async (promise: Promise<void>) => {
    await promise;
    return state;
  };

  setHandler(stateQuery, () => state);

  setHandler(
    decideUpdate,
    async (request) => {
      decisionInFlight = true;
      try {
        if (request.decision === 'approve') {
          const problem = await db.checkPreconditions({ initiativeId: state.initiativeId, gate: state.gate, step: state.step });
          if (problem) throw ApplicationFailure.create({ type: BusinessError.PreconditionFailed, message: problem, nonRetryable: true });
        }
        return await answer(inbox.enqueue({ type: 'decision', request }));
      } finally {
        decisionInFlight = false;
      }
    },
    { validator: (request) => validateDecision(state, request, decisionInFlight) },
  );

  setHandler(reportProgressUpdate, (report) => answer(inbox.enqueue({ type: 'progress', report })), {
    validator: (_report: ProgressReport) => {
      requireActive(state);
      if (state.gate !== 'implementation' || state.step !== 'decision') {
        throw ApplicationFailure.create({ type: BusinessError.NotApplicable, message: 'progress is reported while the implementation gate is in progress' });
      }
    },
  });

  setHandler(adminUpdate, (request) => answer(inbox.enqueue({ type: 'admin', request })), {
    validator: (request: AdminRequest) => {
      requireActive(state);
      if (request.action === 'reassign' && !request.personId) {
        throw ApplicationFailure.create({ type: BusinessError.NotApplicable, message: 'reassign needs personId' });
      }
    },
  });

  setHandler(measurementUpdate, (notice) => answer(inbox.enqueue({ type: 'measurement', benefitId: notice.benefitId })), {
    validator: (_notice: MeasurementNotice) => {
      if (state.status !== 'active' || state.gate !== 'benefit-realisation') {
        throw ApplicationFailure.create({ type: BusinessError.NotApplicable, message: 'measurements are followed up in the benefit-realisation gate' });
      }
    },
  });
}

// Update and query handlers of the initiative workflow. Validators refuse what does not fit the
// current gate before it enters history; accepted requests go to the inbox, where the main loop
// takes them one at a time (so the workflow stays the one writer of its initiative).
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { takesProgress } from '../domain/gates.js';
import type { DatabaseActivities } from './activities.js';
import {
  adminUpdate,
  benefitPlanUpdate,
  BusinessError,
  decideUpdate,
  editUpdate,
  measurementUpdate,
  reportProgressUpdate,
  stateQuery,
  type AdminRequest,
  type MeasurementNotice,
  type ProgressReport,
  type WorkflowState,
} from './definitions.js';
import type { Inbox, InboxItem } from './inbox.js';
import { requireActive, validateBenefitPlanEdit, validateDecision, validateInitiativeEdit } from './rules.js';

export function registerHandlers(state: WorkflowState, inbox: Inbox, db: DatabaseActivities): void {
  let decisionInFlight = false;
  const deliver = async (item: InboxItem) => {
    await inbox.enqueue(item);
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
          // Histories recorded before the reasons were named per field return a sentence.
          const missing: Record<string, string> | null = typeof problem === 'string' ? { gate: problem } : problem;
          if (missing) {
            throw ApplicationFailure.create({ type: BusinessError.PreconditionFailed, message: Object.values(missing).join('; '), details: [missing], nonRetryable: true });
          }
        }
        return await deliver({ type: 'decision', request });
      } finally {
        decisionInFlight = false;
      }
    },
    { validator: (request) => validateDecision(state, request, decisionInFlight) },
  );

  setHandler(reportProgressUpdate, (report) => deliver({ type: 'progress', report }), {
    validator: (_report: ProgressReport) => {
      requireActive(state);
      if (!takesProgress({ ...state, gateStep: state.step })) {
        throw ApplicationFailure.create({ type: BusinessError.NotApplicable, message: 'progress is reported while the implementation gate is in progress' });
      }
    },
  });

  setHandler(adminUpdate, (request) => deliver({ type: 'admin', request }), {
    validator: (request: AdminRequest) => {
      requireActive(state);
      if (request.action === 'reassign' && !request.personId) {
        throw ApplicationFailure.create({ type: BusinessError.NotApplicable, message: 'reassign needs personId' });
      }
    },
  });

  // A measurement can come in any gate (a baseline measured during implementation, say): the
  // workflow evaluates it, so the benefit's read model has one writer too.
  setHandler(measurementUpdate, (notice) => deliver({ type: 'measurement', benefitId: notice.benefitId }), {
    validator: (_notice: MeasurementNotice) => requireActive(state),
  });

  setHandler(editUpdate, (edit) => deliver({ type: 'edit', edit }), {
    validator: (edit) => validateInitiativeEdit(state, edit),
  });

  setHandler(benefitPlanUpdate, (edit) => deliver({ type: 'benefit-edit', edit }), {
    validator: (edit) => validateBenefitPlanEdit(state, edit),
  });
}

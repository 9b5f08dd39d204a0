// Update and query handlers of the initiative workflow. Validators refuse what does not fit the
// current gate before it enters history; accepted requests go to the inbox, where the main loop
// takes them one at a time (so the workflow stays the one writer of its initiative).
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { takesProgress } from '../domain/gates.js';
import type { DatabaseActivities } from './activities.js';
import * as defs from './definitions.js';
import { BusinessError, type AdminRequest, type MeasurementNotice, type ProgressReport, type WorkflowState } from './definitions.js';
import type { Inbox, InboxItem } from './inbox.js';
import * as rules from './rules.js';

/** What stops an approval, as the activity found it (histories before the split answered a sentence). */
type Obstacles = { missing?: Record<string, string>; checklist?: Record<string, string> } | Record<string, string> | string | null;

function refuseApproval(found: Obstacles): void {
  if (!found) return;
  const obstacles = typeof found === 'string' ? { missing: { gate: found } } : 'missing' in found || 'checklist' in found ? (found as { missing?: Record<string, string>; checklist?: Record<string, string> }) : { missing: found as Record<string, string> };
  const [type, fields] = obstacles.missing && Object.keys(obstacles.missing).length
    ? [BusinessError.PreconditionFailed, obstacles.missing]
    : [BusinessError.ChecklistIncomplete, obstacles.checklist ?? {}];
  if (Object.keys(fields).length === 0) return;
  throw ApplicationFailure.create({ type, message: Object.values(fields).join('; '), details: [fields], nonRetryable: true });
}

export function registerHandlers(state: WorkflowState, inbox: Inbox, db: DatabaseActivities): void {
  let decisionInFlight = false;
  const deliver = async (item: InboxItem) => {
    await inbox.enqueue(item);
    return state;
  };

  setHandler(defs.stateQuery, () => state);

  setHandler(
    defs.decideUpdate,
    async (request) => {
      decisionInFlight = true;
      try {
        if (request.decision === 'approve') refuseApproval(await db.checkPreconditions({ initiativeId: state.initiativeId, gate: state.gate, step: state.step }));
        return await deliver({ type: 'decision', request });
      } finally {
        decisionInFlight = false;
      }
    },
    { validator: (request) => rules.validateDecision(state, request, decisionInFlight) },
  );

  setHandler(
    defs.submitUpdate,
    async (submission) => {
      // A draft goes to governance only with its decision basis complete.
      if (state.status === 'draft') refuseApproval(await db.checkDecisionBasis({ initiativeId: state.initiativeId }));
      return deliver({ type: 'submit', submission });
    },
    { validator: (_submission) => rules.validateSubmission(state) },
  );

  setHandler(defs.reportProgressUpdate, (report) => deliver({ type: 'progress', report }), {
    validator: (_report: ProgressReport) => {
      rules.requireActive(state);
      if (!takesProgress({ ...state, gateStep: state.step })) {
        throw ApplicationFailure.create({ type: BusinessError.NotApplicable, message: 'progress is reported while the implementation gate is in progress' });
      }
    },
  });

  setHandler(defs.adminUpdate, (request) => deliver({ type: 'admin', request }), {
    validator: (request: AdminRequest) => {
      if (request.action === 'cancel') rules.requireOpen(state);
      else rules.requireActive(state);
      if (request.action === 'reassign' && !request.personId) {
        throw ApplicationFailure.create({ type: BusinessError.NotApplicable, message: 'reassign needs personId' });
      }
    },
  });

  // A measurement can come in any gate (a baseline measured during implementation, say): the
  // workflow evaluates it, so the benefit's read model has one writer too.
  setHandler(defs.measurementUpdate, (notice) => deliver({ type: 'measurement', benefitId: notice.benefitId, measurement: notice.measurement }), {
    validator: (_notice: MeasurementNotice) => rules.requireActive(state),
  });

  setHandler(defs.editUpdate, (edit) => deliver({ type: 'edit', edit }), { validator: (edit) => rules.validateInitiativeEdit(state, edit) });
  setHandler(defs.benefitPlanUpdate, (edit) => deliver({ type: 'benefit-edit', edit }), { validator: (edit) => rules.validateBenefitPlanEdit(state, edit) });
  setHandler(defs.checklistUpdate, (mark) => deliver({ type: 'checklist', mark }), { validator: (_mark) => rules.requireOpen(state) });
  setHandler(defs.closeConditionUpdate, (closing) => deliver({ type: 'close-condition', closing }), { validator: (closing) => rules.validateConditionClosing(state, closing) });
  setHandler(defs.planChangeUpdate, (answer) => deliver({ type: 'plan-change', answer }), { validator: (answer) => rules.validatePlanChangeAnswer(state, answer) });
  setHandler(defs.harvestUpdate, (record) => deliver({ type: 'harvest', record }), { validator: (_record) => rules.requireActive(state) });
  setHandler(defs.reviewUpdate, (answer) => deliver({ type: 'review', answer }), { validator: (answer) => rules.validateReviewAnswer(state, answer) });
}

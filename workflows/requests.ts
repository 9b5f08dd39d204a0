// What each request does to an initiative, taken one at a time from the inbox by the main loop:
// decisions, submissions, progress, administrators' actions, edits, checklist marks, conditions,
// plan changes, harvests and reviews. Each writes through an activity and says whether the
// current step goes on ('stay') or is over ('leave').
import { patched } from '@temporalio/workflow';
import { isPlanChange } from '../domain/edits.js';
import { nextGate } from '../domain/types.js';
import { mail } from './activities.js';
import type {
  AdminRequest,
  BenefitPlanEdit,
  ChecklistMark,
  ConditionClosing,
  DecisionRequest,
  HarvestRecord,
  InitiativeEdit,
  PlanChangeAnswer,
  ProgressReport,
  ReviewAnswer,
  Submission,
  TrackedCondition,
} from './definitions.js';
import type { InboxItem } from './inbox.js';
import type { InitiativeProcess } from './initiative.js';

/** What processing a request means for the current gate step. */
export type StepOutcome = 'stay' | 'leave';

type Handlers = { [K in InboxItem['type']]: (process: InitiativeProcess, item: Extract<InboxItem, { type: K }>) => Promise<StepOutcome> };

const handlers: Handlers = {
  decision: (p, item) => decide(p, item.request),
  admin: (p, item) => administer(p, item.request),
  progress: (p, item) => reportProgress(p, item.report),
  measurement: (p, item) => done(p, p.db.evaluateBenefit({ benefitId: item.benefitId, initiativeId: p.state.initiativeId, measurement: item.measurement })),
  edit: (p, item) => edit(p, item.edit),
  'benefit-edit': (p, item) => editBenefitPlan(p, item.edit),
  submit: (p, item) => submit(p, item.submission),
  checklist: (p, item) => markChecklist(p, item.mark),
  'close-condition': (p, item) => closeCondition(p, item.closing),
  'plan-change': (p, item) => answerPlanChange(p, item.answer),
  harvest: (p, item) => recordHarvest(p, item.record),
  review: (p, item) => decideReview(p, item.answer),
};

export function handleRequest(process: InitiativeProcess, item: InboxItem): Promise<StepOutcome> {
  return (handlers[item.type] as (process: InitiativeProcess, item: InboxItem) => Promise<StepOutcome>)(process, item);
}

/** Writes, acknowledges, and stays in the step. */
async function done(p: InitiativeProcess, write: Promise<unknown>): Promise<StepOutcome> {
  await write;
  p.inbox.acknowledge();
  return 'stay';
}

async function decide(p: InitiativeProcess, request: DecisionRequest): Promise<StepOutcome> {
  const { state } = p;
  const recorded = await p.db.recordDecision({ ...p.stepRef(), ...request, conditions: request.conditions ?? [] });
  // Histories from before conditions were tracked answered with the time alone.
  const { at, conditions } = typeof recorded === 'string' ? { at: recorded, conditions: [] as TrackedCondition[] } : recorded;
  state.decisions.push({ gate: state.gate, step: state.step, decision: request.decision, at, channel: request.channel });
  const deciding = state.step === 'decision' || state.step === 'hold';
  switch (request.decision) {
    case 'reject':
      await p.finish('rejected', request.comment);
      break;
    case 'revise':
      if (state.gate !== 'implementation' && patched('governance-steps')) {
        // Back to the project manager, who reworks and resubmits; the ladder chases them now.
        p.moveTo('revision');
      } else {
        p.send(mail.sendGateEmail({ ...p.stepRef(), purpose: 'revision' }));
        p.moveTo('decision');
      }
      break;
    case 'hold':
      p.moveTo('hold');
      state.holdUntil = request.until ?? null;
      break;
    case 'approve':
      state.holdUntil = null;
      for (const tracked of conditions) {
        state.conditions = [...(state.conditions ?? []), tracked];
        p.followCondition(tracked);
      }
      // The plan the service owner accepts becomes the baseline (version 1).
      if (state.gate === 'owner-signoff' && patched('baseline-plan')) await p.db.baselinePlan({ initiativeId: state.initiativeId });
      if (state.gate === 'implementation' && deciding) p.moveTo('confirmation');
      else await p.advance(nextGate(state.gate));
      break;
  }
  return 'leave';
}

async function submit(p: InitiativeProcess, submission: Submission): Promise<StepOutcome> {
  const { state } = p;
  const fromDraft = state.status === 'draft';
  await p.db.recordSubmission({ ...p.stepRef(), ...submission, fromDraft });
  p.inbox.acknowledge();
  if (fromDraft) {
    state.status = 'active';
    p.send(mail.sendStartNotices({ initiativeId: state.initiativeId }));
    return 'stay';
  }
  p.moveTo('decision');
  return 'leave';
}

async function administer(p: InitiativeProcess, request: AdminRequest): Promise<StepOutcome> {
  const { state } = p;
  await p.db.recordAdminAction({ ...p.stepRef(), ...request, nudge: state.nudges + 1 });
  switch (request.action) {
    case 'nudge':
      state.nudges += 1;
      p.send(mail.sendGateEmail({ ...p.stepRef(), purpose: `nudge-${state.nudges}` }));
      p.inbox.acknowledge();
      return 'stay';
    case 'reassign':
      state.round += 1;
      return 'leave';
    case 'skip':
      await p.advance(nextGate(state.gate));
      return 'leave';
    case 'cancel':
      await p.finish('cancelled', request.reason);
      return 'leave';
  }
}

async function reportProgress(p: InitiativeProcess, report: ProgressReport): Promise<StepOutcome> {
  const { state } = p;
  state.progressReports = (state.progressReports ?? 0) + 1;
  const ladder = await p.db.recordProgress({ ...p.stepRef(), ...report, report: state.progressReports });
  p.restartLadder(ladder);
  state.lastProgressAt = new Date(Date.now()).toISOString();
  p.publish();
  p.inbox.acknowledge();
  return 'stay';
}

function edit(p: InitiativeProcess, change: InitiativeEdit): Promise<StepOutcome> {
  return done(p, p.db.applyInitiativeEdit({ initiativeId: p.state.initiativeId, ...change, key: p.editKey() }));
}

async function editBenefitPlan(p: InitiativeProcess, change: BenefitPlanEdit): Promise<StepOutcome> {
  const { state } = p;
  if (change.planChangeId && isPlanChange(state.gate, change.operation, Object.keys(change.fields))) {
    // The accepted plan stands until the service owner accepts the change.
    await p.db.requestPlanChange({ initiativeId: state.initiativeId, ...change, planChangeId: change.planChangeId, key: p.editKey() });
    state.pendingPlanChanges = [...(state.pendingPlanChanges ?? []), change.planChangeId];
    p.send(mail.sendPlanChangeRequest({ initiativeId: state.initiativeId, planChangeId: change.planChangeId }));
    return done(p, Promise.resolve());
  }
  await p.db.applyBenefitEdit({ initiativeId: state.initiativeId, ...change, key: p.editKey() });
  p.inbox.acknowledge();
  // Owner sign-off waited for a plan: now that there is one, the service owner is asked.
  if (change.operation === 'create' && state.gate === 'owner-signoff' && state.step === 'decision' && state.awaitingPlan) {
    p.moveTo('decision');
    return 'leave';
  }
  return 'stay';
}

function markChecklist(p: InitiativeProcess, mark: ChecklistMark): Promise<StepOutcome> {
  return done(p, p.db.setChecklistEntry({ initiativeId: p.state.initiativeId, ...mark, auditKey: p.editKey() }));
}

async function closeCondition(p: InitiativeProcess, closing: ConditionClosing): Promise<StepOutcome> {
  await p.db.closeCondition({ initiativeId: p.state.initiativeId, ...closing, key: p.editKey() });
  const tracked = p.state.conditions?.find((c) => c.id === closing.conditionId);
  if (tracked) tracked.status = closing.status;
  return done(p, Promise.resolve());
}

async function answerPlanChange(p: InitiativeProcess, answer: PlanChangeAnswer): Promise<StepOutcome> {
  const { state } = p;
  const result = await p.db.answerPlanChange({ initiativeId: state.initiativeId, ...answer, key: p.editKey() });
  state.pendingPlanChanges = (state.pendingPlanChanges ?? []).filter((id) => id !== answer.planChangeId);
  // Benefits already followed up follow the accepted plan from now on.
  const followed = state.followUp;
  if (followed && result.followUp) {
    const { added, withdrawn, rescheduled } = result.followUp;
    if (added) followed.push(added);
    for (const benefit of followed) {
      if (benefit.id === withdrawn) benefit.closed = true;
      if (benefit.id === rescheduled?.id && benefit.requestedAt === null) benefit.nextDueAt = rescheduled.nextDueAt;
    }
  }
  return done(p, Promise.resolve());
}

function recordHarvest(p: InitiativeProcess, record: HarvestRecord): Promise<StepOutcome> {
  return done(p, p.db.recordHarvest({ initiativeId: p.state.initiativeId, ...record, key: p.editKey() }));
}

async function decideReview(p: InitiativeProcess, answer: ReviewAnswer): Promise<StepOutcome> {
  const { state } = p;
  const result = await p.db.decideReview({ initiativeId: state.initiativeId, ...answer, key: p.editKey() });
  state.openReviews = (state.openReviews ?? []).filter((id) => id !== answer.reviewId);
  if (result.planChangeId) {
    state.pendingPlanChanges = [...(state.pendingPlanChanges ?? []), result.planChangeId];
    p.send(mail.sendPlanChangeRequest({ initiativeId: state.initiativeId, planChangeId: result.planChangeId }));
  }
  // Closing the follow-up ends every benefit still followed, as realised or not.
  if (result.closes) {
    for (const benefit of state.followUp ?? []) {
      if (benefit.closed) continue;
      benefit.closed = true;
      benefit.realised = result.closes === 'realised';
    }
  }
  return done(p, Promise.resolve());
}

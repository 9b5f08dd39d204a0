// The benefit-realisation gate: asks each benefit's owner for measurements on its cadence, runs
// the escalation ladder while a request is outstanding, and ends with the final evaluation.
import { patched, workflowInfo } from '@temporalio/workflow';
import { mail, type DatabaseActivities } from './activities.js';
import type { RecordedMeasurement } from '../domain/exchange.js';
import type { FollowedBenefit, LadderStep, WorkflowState } from './definitions.js';

export interface FollowUpHooks {
  db: DatabaseActivities;
  state: WorkflowState;
  /** 'left' when the step ended before it was entered (see InitiativeProcess.guarded). */
  enterStep(): Promise<'entered' | 'left'>;
  /** Runs work that a bad plan can make fail, waiting (shown on the initiative) until it is fixed. */
  guard<T>(work: () => Promise<T>): Promise<T | 'left'>;
  /** Waits until an inbox item arrives (true) or `at` passes (false). */
  waitForInbox(at: number | undefined): Promise<boolean>;
  /** Handles the next inbox item; 'leave' when the gate is over (cancelled, skipped). */
  handleNext(onMeasurement: (benefitId: string, measurement?: RecordedMeasurement) => Promise<void>): Promise<'stay' | 'leave'>;
  climbLadder(step: LadderStep): Promise<void>;
  /** Replaces the ladder (empty: nothing outstanding) and resets the escalation level. */
  setLadder(ladder: LadderStep[]): Promise<void>;
  send(promise: Promise<unknown>): void;
  finish(status: 'completed'): Promise<void>;
  continueAsNewAfterEvents: number;
}

export type FollowUpResult = 'done' | 'continue-as-new';

export async function followUpBenefits(hooks: FollowUpHooks): Promise<FollowUpResult> {
  const { state, db } = hooks;
  if (!state.followUp) {
    if ((await hooks.enterStep()) === 'left') return 'done';
    const followed = await hooks.guard(() => db.startFollowUp({ initiativeId: state.initiativeId }));
    if (followed === 'left') return 'done';
    state.followUp = followed;
    // Governance reviews the benefits on a cadence while they are followed up.
    if (patched('benefit-reviews')) state.nextReviewAt = await db.planReview({ initiativeId: state.initiativeId, from: new Date(Date.now()).toISOString() });
  }
  const benefits = state.followUp;
  const open = () => benefits.filter((b) => !b.closed);
  const outstanding = () => open().filter((b) => b.requestedAt !== null);

  const onMeasurement = async (benefitId: string, measurement?: RecordedMeasurement) => {
    const benefit = benefits.find((b) => b.id === benefitId);
    if (!benefit) return;
    const result = await db.evaluateBenefit({ benefitId, initiativeId: state.initiativeId, measurement });
    if (result.becameOffTrack && result.measurementId) {
      hooks.send(mail.notifyOffTrack({ initiativeId: state.initiativeId, benefitId, measurementId: result.measurementId }));
    }
    benefit.realised = result.realised;
    if (result.realised) benefit.closed = true;
    if (benefit.requestedAt !== null || result.realised) {
      benefit.requestedAt = null;
      if (!benefit.closed) benefit.nextDueAt = await db.scheduleNextMeasurement({ benefitId, initiativeId: state.initiativeId, from: new Date(Date.now()).toISOString() });
    }
    if (outstanding().length === 0) await settleLadder();
  };

  /** No request outstanding: the ladder rests until the next request goes out. */
  const settleLadder = async () => {
    if (state.ladder.length > 0 || state.escalationLevel > 0) await hooks.setLadder([]);
  };

  while (open().length > 0) {
    const nextLadder = state.ladder.find((s) => s.level > state.escalationLevel);
    const times = [
      ...open().map((b) => Date.parse(b.until)),
      ...open().filter((b) => b.requestedAt === null).map((b) => Date.parse(b.nextDueAt)),
      ...(nextLadder ? [Date.parse(nextLadder.at)] : []),
      ...(state.nextReviewAt ? [Date.parse(state.nextReviewAt)] : []),
    ];
    const wakeAt = Math.min(...times);
    if (await hooks.waitForInbox(wakeAt)) {
      if ((await hooks.handleNext(onMeasurement)) === 'leave') return 'done';
    } else {
      await onTimers(Date.now(), nextLadder);
      if (state.status !== 'active') return 'done';
    }
    if (workflowInfo().historyLength > hooks.continueAsNewAfterEvents || workflowInfo().continueAsNewSuggested) {
      return 'continue-as-new';
    }
  }

  async function onTimers(now: number, nextLadder: LadderStep | undefined) {
    for (const benefit of open()) {
      if (Date.parse(benefit.until) <= now) benefit.closed = true;
    }
    const due = open().filter((b) => b.requestedAt === null && Date.parse(b.nextDueAt) <= now);
    if (due.length > 0) {
      if (outstanding().length === 0) {
        state.round += 1;
        const ladder = await hooks.guard(() => db.planFollowUpLadder({ from: new Date(now).toISOString() }));
        if (ladder === 'left') return;
        await hooks.setLadder(ladder);
      }
      for (const benefit of due) request(benefit, now);
    }
    if (nextLadder && Date.parse(nextLadder.at) <= now && outstanding().length > 0) await hooks.climbLadder(nextLadder);
    if (outstanding().length === 0) await settleLadder();
    if (state.nextReviewAt && Date.parse(state.nextReviewAt) <= now) await openReview(now);
  }

  async function openReview(now: number) {
    const dueAt = state.nextReviewAt!;
    const reviewId = await db.openReview({ initiativeId: state.initiativeId, dueAt });
    state.openReviews = [...(state.openReviews ?? []), reviewId];
    hooks.send(mail.sendReviewRequest({ initiativeId: state.initiativeId, reviewId }));
    state.nextReviewAt = await db.planReview({ initiativeId: state.initiativeId, from: new Date(now).toISOString() });
  }

  function request(benefit: FollowedBenefit, now: number) {
    benefit.requests += 1;
    benefit.requestedAt = new Date(now).toISOString();
    hooks.send(mail.requestMeasurement({ initiativeId: state.initiativeId, benefitId: benefit.id, request: benefit.requests, round: state.round }));
  }

  state.benefitOutcome = await db.closeFollowUp({ initiativeId: state.initiativeId });
  await hooks.finish('completed');
  return 'done';
}

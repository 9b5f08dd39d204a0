// One durable workflow per initiative: waits for a draft to be submitted, walks the four gates,
// waits for people through the escalation ladder, takes decisions, progress reports, edits and
// the rest as updates (requests.ts), and is the one writer of its initiative and benefit plan.
import { allHandlersFinished, condition, continueAsNew, log, patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { nextConditionReminder } from '../domain/conditions.js';
import { isStalledLevel, LADDER_STEPS, type LadderStep } from '../domain/escalation.js';
import { escalationLevelKey, gateDueAtKey, gateKey, stalledKey, statusKey } from '../domain/search-attributes.js';
import { nextGate, type Gate } from '../domain/types.js';
import { databaseActivities, mail, type DatabaseActivities } from './activities.js';
import type { InitiativeWorkflowInput, TrackedCondition, WorkflowState } from './definitions.js';
import { followUpBenefits } from './follow-up.js';
import { registerHandlers } from './handlers.js';
import { Inbox } from './inbox.js';
import { handleRequest, type StepOutcome } from './requests.js';

export type { StepOutcome };
import { planProblemOf } from './rules.js';

/** How a gate step (or benefit follow-up) ended: done, or to be continued in a new run. */
type StepResult = 'done' | 'continue-as-new';

export function initialState(input: InitiativeWorkflowInput): WorkflowState {
  return {
    initiativeId: input.initiativeId,
    kind: input.kind,
    gate: 'goal-alignment',
    step: 'decision',
    status: input.draft ? 'draft' : 'active',
    round: 1,
    escalationLevel: 0,
    stalled: false,
    gateEnteredAt: null,
    gateDueAt: null,
    ladder: [],
    lastProgressAt: null,
    nudges: 0,
    decisions: [],
    benefitOutcome: null,
    followUpCycles: 0,
    followUp: null,
  };
}

export async function initiativeWorkflow(input: InitiativeWorkflowInput): Promise<WorkflowState> {
  return new InitiativeProcess(input).run();
}

export class InitiativeProcess {
  // First, as in every recorded history: the patch marker decides local or remote database activities.
  readonly db: DatabaseActivities = databaseActivities();
  readonly inbox = new Inbox();
  private readonly sends: Promise<unknown>[] = [];
  readonly state: WorkflowState;

  constructor(readonly input: InitiativeWorkflowInput) {
    this.state = input.carried ?? initialState(input);
    registerHandlers(this.state, this.inbox, this.db);
  }

  async run(): Promise<WorkflowState> {
    const { state } = this;
    if (state.status === 'draft') await this.awaitSubmission();
    else if (!this.input.carried) this.send(mail.sendStartNotices({ initiativeId: state.initiativeId }));
    for (const tracked of state.conditions ?? []) this.followCondition(tracked);
    // A run that continued as new in the middle of a gate step picks it up without entering it again.
    let resume = this.input.resumeStep ?? false;
    while (state.status === 'active') {
      let result: StepResult = 'done';
      if (state.gate !== 'benefit-realisation') {
        result = await this.runStep(resume);
      } else if (!patched('benefit-follow-up')) {
        // Histories from before benefit follow-up existed: the gate recorded its entry and completed.
        await this.enterStep();
        await this.finish('completed');
      } else {
        result = await this.followUp();
      }
      resume = false;
      if (result === 'continue-as-new') {
        await Promise.all(this.sends);
        await condition(() => allHandlersFinished() || this.inbox.size > 0);
        if (this.inbox.size > 0) {
          resume = true;
          continue;
        }
        state.followUpCycles += 1;
        return continueAsNew<typeof initiativeWorkflow>({ ...this.input, carried: state, resumeStep: state.gate !== 'benefit-realisation' });
      }
    }
    await Promise.all(this.sends);
    return state;
  }

  /** A draft is prepared (edits, benefits, checklist) until the project manager submits it. */
  private async awaitSubmission(): Promise<void> {
    while (this.state.status === 'draft') {
      await this.inbox.waitUntil(undefined);
      await this.handle();
    }
  }

  /**
   * Runs the current gate step until something moves the initiative on — or until its history
   * grows long (thousands of progress reports or nudges), when it continues as new. A step on
   * hold wakes when the hold ends, and the decider is asked again.
   */
  private async runStep(resume: boolean): Promise<StepResult> {
    if (!resume && (await this.enterStep()) === 'left') return 'done';
    for (;;) {
      const next = this.nextLadderStep();
      const holdEnds = this.state.step === 'hold' && this.state.holdUntil ? Date.parse(this.state.holdUntil) : undefined;
      const wake = holdEnds ?? (next ? Date.parse(next.at) : undefined);
      if (!(await this.inbox.waitUntil(wake))) {
        if (holdEnds !== undefined) {
          this.state.round += 1;
          this.state.step = 'decision';
          this.state.holdUntil = null;
          return 'done';
        }
        if (next) await this.climbLadder(next);
      } else if ((await this.handle()) === 'leave') {
        return 'done';
      }
      if (this.historyIsLong() && patched('continue-as-new-in-gates')) return 'continue-as-new';
    }
  }

  private followUp() {
    return followUpBenefits({
      db: this.db,
      state: this.state,
      enterStep: () => this.enterStep(),
      guard: (work) => this.guarded(work),
      waitForInbox: (at) => this.inbox.waitUntil(at),
      handleNext: async (onMeasurement) => {
        const item = this.inbox.take();
        if (item.type !== 'measurement') return handleRequest(this, item);
        await onMeasurement(item.benefitId, item.measurement);
        this.inbox.acknowledge();
        return 'stay';
      },
      climbLadder: (step) => this.climbLadder(step),
      setLadder: async (ladder) => {
        this.restartLadder(ladder);
        await this.db.resetLadder({ initiativeId: this.state.initiativeId, gateDueAt: this.state.gateDueAt });
        this.publish();
      },
      send: (promise) => this.send(promise),
      finish: (status) => this.finish(status),
      continueAsNewAfterEvents: this.input.continueAsNewAfterEvents ?? 5_000,
    });
  }

  /** Takes the next request from the inbox and handles it (requests.ts). */
  handle(): Promise<StepOutcome> {
    return handleRequest(this, this.inbox.take());
  }

  // --- steps -------------------------------------------------------------------------------

  async enterStep(): Promise<'entered' | 'left'> {
    const { state } = this;
    const entry = await this.guarded(() => this.db.enterGate({ ...this.stepRef(), kind: state.kind, holdUntil: state.holdUntil }));
    if (entry === 'left') return 'left';
    this.restartLadder(entry.ladder);
    state.gateEnteredAt = entry.enteredAt;
    state.lastProgressAt = null;
    state.waitingOnId = entry.waitingOnId;
    state.waitingOnIds = entry.waitingOnIds;
    state.awaitingPlan = entry.awaitingPlan;
    this.publish();
    this.inbox.acknowledge();
    for (const purpose of entry.requests) this.send(mail.sendGateEmail({ ...this.stepRef(), purpose }));
    return 'entered';
  }

  private async climbLadder(step: LadderStep): Promise<void> {
    this.state.escalationLevel = step.level;
    this.state.stalled = isStalledLevel(step.level);
    await this.db.recordEscalation({ ...this.stepRef(), level: step.level });
    this.publish();
    this.send(mail.sendGateEmail({ ...this.stepRef(), purpose: LADDER_STEPS[step.level].purpose }));
  }

  async advance(to: Gate | undefined): Promise<void> {
    this.state.round += 1;
    this.state.step = 'decision';
    if (to) this.state.gate = to;
    else await this.finish('completed');
  }

  /** Leaves the current step for another step of the same gate (revision, hold, confirmation, back to decision). */
  moveTo(step: WorkflowState['step']): void {
    this.state.round += 1;
    this.state.step = step;
  }

  async finish(status: 'completed' | 'rejected' | 'cancelled', reason?: string): Promise<void> {
    const { state } = this;
    state.status = status;
    state.stalled = false;
    state.ladder = [];
    await this.db.finishInitiative({ initiativeId: state.initiativeId, status, reason: reason ?? null, benefitOutcome: state.benefitOutcome });
    this.publish();
    this.inbox.acknowledge();
    this.send(mail.sendOutcomeNotice({ initiativeId: state.initiativeId, status, round: state.round }));
  }

  /**
   * Work that a plan the calendar cannot follow (a policy or cadence out of range, stored before
   * it was validated) makes fail for good. Instead of retrying forever, the problem is shown on
   * the initiative and the workflow waits for someone to act: an edit or an administrator's
   * action is handled, then the work is tried again — or the step is over ('left').
   */
  async guarded<T>(work: () => Promise<T>): Promise<T | 'left'> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await work();
        if (this.state.blockedReason) {
          this.state.blockedReason = null;
          await this.db.recordProblem({ initiativeId: this.state.initiativeId, problem: null, key: this.problemKey(attempt) });
        }
        return result;
      } catch (error) {
        const problem = planProblemOf(error);
        if (problem === null) throw error;
        this.state.blockedReason = problem;
        await this.db.recordProblem({ initiativeId: this.state.initiativeId, problem, key: this.problemKey(attempt) });
        await this.inbox.waitUntil(undefined);
        if ((await this.handle()) === 'leave') return 'left';
      }
    }
  }

  private problemKey(attempt: number): string {
    return `${this.state.initiativeId}:${this.state.gate}:${this.state.round}:problem:${attempt}`;
  }

  /**
   * A condition on an approval is followed beside the gates: its owner is reminded when it falls
   * due and every week after, until it is met or waived (or the initiative ends).
   */
  followCondition(tracked: TrackedCondition): void {
    const settled = () => tracked.status !== 'open' || !['active', 'draft'].includes(this.state.status);
    void (async () => {
      for (;;) {
        const at = nextConditionReminder(tracked.dueAt, tracked.reminders);
        if (at === null || settled()) return;
        if (await condition(settled, Math.max(1, at - Date.now()))) return;
        tracked.reminders += 1;
        this.send(mail.sendConditionReminder({ initiativeId: this.state.initiativeId, conditionId: tracked.id, reminder: tracked.reminders }));
      }
    })();
  }

  // --- state -------------------------------------------------------------------------------

  stepRef() {
    const { initiativeId, gate, step, round } = this.state;
    return { initiativeId, gate, step, round };
  }

  /** A key for an edit's audit entry, unique within the initiative. */
  editKey(): string {
    this.state.edits = (this.state.edits ?? 0) + 1;
    return `${this.state.initiativeId}:edit:${this.state.edits}`;
  }

  private historyIsLong(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength > (this.input.continueAsNewAfterEvents ?? 5_000);
  }

  private nextLadderStep(): LadderStep | undefined {
    return this.state.ladder.find((s) => s.level > this.state.escalationLevel);
  }

  /** A new ladder starts from nothing: no reminder sent, not stalled, due at its first step. */
  restartLadder(ladder: LadderStep[]): void {
    this.state.ladder = ladder;
    this.state.escalationLevel = 0;
    this.state.stalled = false;
    this.state.gateDueAt = ladder[0]?.at ?? null;
  }

  publish(): void {
    const { state } = this;
    upsertSearchAttributes([
      { key: gateKey, value: state.gate },
      { key: statusKey, value: state.status },
      { key: escalationLevelKey, value: state.escalationLevel },
      { key: stalledKey, value: state.stalled },
      { key: gateDueAtKey, value: state.gateDueAt ? new Date(state.gateDueAt) : null },
    ]);
  }

  /** Emails go out beside the gate logic, so a slow or absent SMTP server never holds up a decision. */
  send(promise: Promise<unknown>): void {
    this.sends.push(promise.catch((error) => log.error('email activity failed', { error: String(error) })));
  }
}

// One durable workflow per initiative: walks the four gates, waits for people through the
// escalation ladder, takes decisions, progress reports, admin actions and edits as updates, and
// is the one writer of its initiative and benefit plan.
import { allHandlersFinished, condition, continueAsNew, log, patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { LADDER_STEPS, isStalledLevel, type LadderStep } from '../domain/escalation.js';
import { escalationLevelKey, gateDueAtKey, gateKey, stalledKey, statusKey } from '../domain/search-attributes.js';
import { nextGate, type Gate } from '../domain/types.js';
import { databaseActivities, mail, type DatabaseActivities } from './activities.js';
import type { AdminRequest, BenefitPlanEdit, DecisionRequest, InitiativeEdit, InitiativeWorkflowInput, ProgressReport, WorkflowState } from './definitions.js';
import { followUpBenefits } from './follow-up.js';
import { registerHandlers } from './handlers.js';
import { Inbox, type InboxItem } from './inbox.js';
import { planProblemOf } from './rules.js';

/** What processing an inbox item means for the current gate step. */
export type StepOutcome = 'stay' | 'leave';

/** How a gate step (or benefit follow-up) ended: done, or to be continued in a new run. */
type StepResult = 'done' | 'continue-as-new';

export function initialState(input: InitiativeWorkflowInput): WorkflowState {
  return {
    initiativeId: input.initiativeId,
    kind: input.kind,
    gate: 'goal-alignment',
    step: 'decision',
    status: 'active',
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

class InitiativeProcess {
  // First, as in every recorded history: the patch marker decides local or remote database activities.
  private readonly db: DatabaseActivities = databaseActivities();
  private readonly inbox = new Inbox();
  private readonly sends: Promise<unknown>[] = [];
  readonly state: WorkflowState;

  constructor(private readonly input: InitiativeWorkflowInput) {
    this.state = input.carried ?? initialState(input);
    registerHandlers(this.state, this.inbox, this.db);
  }

  async run(): Promise<WorkflowState> {
    const { state } = this;
    if (!this.input.carried) this.send(mail.sendStartNotices({ initiativeId: state.initiativeId }));
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

  /**
   * Runs the current gate step until something moves the initiative on — or until its history
   * grows long (thousands of progress reports or nudges), when it continues as new.
   */
  private async runStep(resume: boolean): Promise<StepResult> {
    if (!resume && (await this.enterStep()) === 'left') return 'done';
    for (;;) {
      const next = this.nextLadderStep();
      if (!(await this.inbox.waitUntil(next ? Date.parse(next.at) : undefined)) && next) {
        await this.climbLadder(next);
      } else if ((await this.handle(this.inbox.take())) === 'leave') {
        return 'done';
      }
      if (this.historyIsLong() && patched('continue-as-new-in-gates')) return 'continue-as-new';
    }
  }

  private historyIsLong(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength > (this.input.continueAsNewAfterEvents ?? 5_000);
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
        if (item.type !== 'measurement') return this.handle(item);
        await onMeasurement(item.benefitId);
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

  // --- steps -------------------------------------------------------------------------------

  private async enterStep(): Promise<'entered' | 'left'> {
    const { state } = this;
    const entry = await this.guarded(() => this.db.enterGate({ ...this.stepRef(), kind: state.kind }));
    if (entry === 'left') return 'left';
    this.restartLadder(entry.ladder);
    state.gateEnteredAt = entry.enteredAt;
    state.lastProgressAt = null;
    state.waitingOnId = entry.waitingOnId;
    this.publish();
    this.inbox.acknowledge();
    for (const purpose of entry.requests) this.send(mail.sendGateEmail({ ...this.stepRef(), purpose }));
    return 'entered';
  }

  /**
   * Work that a plan the calendar cannot follow (a policy or cadence out of range, stored before
   * it was validated) makes fail for good. Instead of retrying forever, the problem is shown on
   * the initiative and the workflow waits for someone to act: an edit or an administrator's
   * action is handled, then the work is tried again — or the step is over ('left').
   */
  private async guarded<T>(work: () => Promise<T>): Promise<T | 'left'> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await work();
        if (this.state.problem) {
          this.state.problem = null;
          await this.db.recordProblem({ initiativeId: this.state.initiativeId, problem: null, key: this.problemKey(attempt) });
        }
        return result;
      } catch (error) {
        const problem = planProblemOf(error);
        if (problem === null) throw error;
        this.state.problem = problem;
        await this.db.recordProblem({ initiativeId: this.state.initiativeId, problem, key: this.problemKey(attempt) });
        await this.inbox.waitUntil(undefined);
        if ((await this.handle(this.inbox.take())) === 'leave') return 'left';
      }
    }
  }

  private problemKey(attempt: number): string {
    return `${this.state.initiativeId}:${this.state.gate}:${this.state.round}:problem:${attempt}`;
  }

  private async climbLadder(step: LadderStep): Promise<void> {
    this.state.escalationLevel = step.level;
    this.state.stalled = isStalledLevel(step.level);
    await this.db.recordEscalation({ ...this.stepRef(), level: step.level });
    this.publish();
    this.send(mail.sendGateEmail({ ...this.stepRef(), purpose: LADDER_STEPS[step.level].purpose }));
  }

  private async advance(to: Gate | undefined): Promise<void> {
    this.state.round += 1;
    this.state.step = 'decision';
    if (to) this.state.gate = to;
    else await this.finish('completed');
  }

  private async finish(status: 'completed' | 'rejected' | 'cancelled', reason?: string): Promise<void> {
    const { state } = this;
    state.status = status;
    state.stalled = false;
    state.ladder = [];
    await this.db.finishInitiative({ initiativeId: state.initiativeId, status, reason: reason ?? null, benefitOutcome: state.benefitOutcome });
    this.publish();
    this.inbox.acknowledge();
    this.send(mail.sendOutcomeNotice({ initiativeId: state.initiativeId, status, round: state.round }));
  }

  // --- requests ----------------------------------------------------------------------------

  /** What each kind of request does to the current step. */
  private readonly handlers: { [K in InboxItem['type']]: (item: Extract<InboxItem, { type: K }>) => Promise<StepOutcome> } = {
    decision: (item) => this.decide(item.request),
    admin: (item) => this.administer(item.request),
    progress: (item) => this.reportProgress(item.report),
    measurement: (item) => this.evaluateMeasurement(item.benefitId),
    edit: (item) => this.edit(item.edit),
    'benefit-edit': (item) => this.editBenefitPlan(item.edit),
  };

  private handle(item: InboxItem): Promise<StepOutcome> {
    return (this.handlers[item.type] as (item: InboxItem) => Promise<StepOutcome>)(item);
  }

  private async decide(request: DecisionRequest): Promise<StepOutcome> {
    const { state } = this;
    const at = await this.db.recordDecision({ ...this.stepRef(), ...request, conditions: request.conditions ?? [] });
    state.decisions.push({ gate: state.gate, step: state.step, decision: request.decision, at, channel: request.channel });
    if (request.decision === 'reject') {
      await this.finish('rejected', request.comment);
    } else if (request.decision === 'revise') {
      this.send(mail.sendGateEmail({ ...this.stepRef(), purpose: 'revision' }));
      state.round += 1;
      state.step = 'decision';
    } else if (state.gate === 'implementation' && state.step === 'decision') {
      state.round += 1;
      state.step = 'confirmation';
    } else {
      await this.advance(nextGate(state.gate));
    }
    return 'leave';
  }

  private async administer(request: AdminRequest): Promise<StepOutcome> {
    const { state } = this;
    await this.db.recordAdminAction({ ...this.stepRef(), ...request, nudge: state.nudges + 1 });
    switch (request.action) {
      case 'nudge':
        state.nudges += 1;
        this.send(mail.sendGateEmail({ ...this.stepRef(), purpose: `nudge-${state.nudges}` }));
        this.inbox.acknowledge();
        return 'stay';
      case 'reassign':
        state.round += 1;
        return 'leave';
      case 'skip':
        await this.advance(nextGate(state.gate));
        return 'leave';
      case 'cancel':
        await this.finish('cancelled', request.reason);
        return 'leave';
    }
  }

  private async reportProgress(report: ProgressReport): Promise<StepOutcome> {
    const { state } = this;
    state.progressReports = (state.progressReports ?? 0) + 1;
    const ladder = await this.db.recordProgress({ ...this.stepRef(), ...report, report: state.progressReports });
    this.restartLadder(ladder);
    state.lastProgressAt = new Date(Date.now()).toISOString();
    this.publish();
    this.inbox.acknowledge();
    return 'stay';
  }

  /** A measurement outside follow-up only updates its benefit's read model. */
  private async evaluateMeasurement(benefitId: string): Promise<StepOutcome> {
    await this.db.evaluateBenefit({ benefitId, initiativeId: this.state.initiativeId });
    this.inbox.acknowledge();
    return 'stay';
  }

  private async edit(edit: InitiativeEdit): Promise<StepOutcome> {
    await this.db.applyInitiativeEdit({ initiativeId: this.state.initiativeId, ...edit, key: this.editKey() });
    this.inbox.acknowledge();
    return 'stay';
  }

  private async editBenefitPlan(edit: BenefitPlanEdit): Promise<StepOutcome> {
    await this.db.applyBenefitEdit({ initiativeId: this.state.initiativeId, ...edit, key: this.editKey() });
    this.inbox.acknowledge();
    return 'stay';
  }

  // --- state -------------------------------------------------------------------------------

  private stepRef() {
    const { initiativeId, gate, step, round } = this.state;
    return { initiativeId, gate, step, round };
  }

  private editKey(): string {
    this.state.edits = (this.state.edits ?? 0) + 1;
    return `${this.state.initiativeId}:edit:${this.state.edits}`;
  }

  private nextLadderStep(): LadderStep | undefined {
    return this.state.ladder.find((s) => s.level > this.state.escalationLevel);
  }

  /** A new ladder starts from nothing: no reminder sent, not stalled, due at its first step. */
  private restartLadder(ladder: LadderStep[]): void {
    this.state.ladder = ladder;
    this.state.escalationLevel = 0;
    this.state.stalled = false;
    this.state.gateDueAt = ladder[0]?.at ?? null;
  }

  private publish(): void {
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
  private send(promise: Promise<unknown>): void {
    this.sends.push(promise.catch((error) => log.error('email activity failed', { error: String(error) })));
  }
}

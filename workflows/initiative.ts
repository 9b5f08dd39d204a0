// One durable workflow per initiative: walks the four gates, waits for people through the
// escalation ladder, and takes decisions, progress reports and admin actions as updates.
import { allHandlersFinished, condition, continueAsNew, log, patched, upsertSearchAttributes } from '@temporalio/workflow';
import { nextGate, type Gate } from '../domain/types.js';
import { escalationLevelKey, gateDueAtKey, gateKey, stalledKey, statusKey } from '../domain/search-attributes.js';
import { databaseActivities, mail } from './activities.js';
import type { AdminRequest, DecisionRequest, InitiativeWorkflowInput, LadderStep, ProgressReport, WorkflowState } from './definitions.js';
import { followUpBenefits } from './follow-up.js';
import { registerHandlers } from './handlers.js';
import { Inbox, type InboxItem } from './inbox.js';

/** What processing an inbox item means for the current gate step. */
type StepOutcome = 'stay' | 'leave';

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
  const db = databaseActivities();
  const state = input.carried ?? initialState(input);
  const { initiativeId } = state;
  const inbox = new Inbox();
  const sends: Promise<unknown>[] = [];

  /** Emails go out beside the gate logic, so a slow or absent SMTP server never holds up a decision. */
  const send = (promise: Promise<unknown>) => {
    sends.push(promise.catch((error) => log.error('email activity failed', { error: String(error) })));
  };

  registerHandlers(state, inbox, db);

  const publish = () =>
    upsertSearchAttributes([
      { key: gateKey, value: state.gate },
      { key: statusKey, value: state.status },
      { key: escalationLevelKey, value: state.escalationLevel },
      { key: stalledKey, value: state.stalled },
      { key: gateDueAtKey, value: state.gateDueAt ? new Date(state.gateDueAt) : null },
    ]);

  const base = () => ({ initiativeId, gate: state.gate, step: state.step, round: state.round });

  async function enterStep(): Promise<void> {
    const entry = await db.enterGate({ ...base(), kind: state.kind });
    state.ladder = entry.ladder;
    state.escalationLevel = 0;
    state.stalled = false;
    state.gateEnteredAt = entry.enteredAt;
    state.gateDueAt = entry.ladder[0]?.at ?? null;
    state.lastProgressAt = null;
    publish();
    inbox.acknowledge();
    for (const purpose of entry.requests) send(mail.sendGateEmail({ ...base(), purpose }));
  }

  async function climbLadder(step: LadderStep): Promise<void> {
    state.escalationLevel = step.level;
    state.stalled = step.level === 3;
    await db.recordEscalation({ ...base(), level: step.level });
    publish();
    const purpose = step.level === 1 ? 'reminder' : step.level === 2 ? 'escalation' : 'stalled';
    send(mail.sendGateEmail({ ...base(), purpose }));
  }

  async function advance(to: Gate | undefined): Promise<void> {
    state.round += 1;
    state.step = 'decision';
    if (to) {
      state.gate = to;
      return;
    }
    await finish('completed');
  }

  async function finish(status: 'completed' | 'rejected' | 'cancelled', reason?: string): Promise<void> {
    state.status = status;
    state.stalled = false;
    state.ladder = [];
    await db.finishInitiative({ initiativeId, status, reason: reason ?? null, benefitOutcome: state.benefitOutcome });
    publish();
    inbox.acknowledge();
    send(mail.sendOutcomeNotice({ initiativeId, status, round: state.round }));
  }

  async function handleDecision(request: DecisionRequest): Promise<StepOutcome> {
    const at = await db.recordDecision({ ...base(), ...request, conditions: request.conditions ?? [] });
    state.decisions.push({ gate: state.gate, step: state.step, decision: request.decision, at, channel: request.channel });
    if (request.decision === 'reject') {
      await finish('rejected', request.comment);
      return 'leave';
    }
    if (request.decision === 'revise') {
      send(mail.sendGateEmail({ ...base(), purpose: 'revision' }));
      state.round += 1;
      state.step = 'decision';
      return 'leave';
    }
    if (state.gate === 'implementation' && state.step === 'decision') {
      state.round += 1;
      state.step = 'confirmation';
      return 'leave';
    }
    await advance(nextGate(state.gate));
    return 'leave';
  }

  async function handleAdmin(request: AdminRequest): Promise<StepOutcome> {
    await db.recordAdminAction({ ...base(), ...request, nudge: state.nudges + 1 });
    switch (request.action) {
      case 'nudge':
        state.nudges += 1;
        send(mail.sendGateEmail({ ...base(), purpose: `nudge-${state.nudges}` }));
        inbox.acknowledge();
        return 'stay';
      case 'reassign':
        state.round += 1;
        return 'leave';
      case 'skip':
        await advance(nextGate(state.gate));
        return 'leave';
      case 'cancel':
        await finish('cancelled', request.reason);
        return 'leave';
    }
  }

  async function handleProgress(report: ProgressReport): Promise<StepOutcome> {
    state.progressReports = (state.progressReports ?? 0) + 1;
    const ladder = await db.recordProgress({ ...base(), ...report, report: state.progressReports });
    state.ladder = ladder;
    state.escalationLevel = 0;
    state.stalled = false;
    state.gateDueAt = ladder[0]?.at ?? null;
    state.lastProgressAt = new Date(Date.now()).toISOString();
    publish();
    inbox.acknowledge();
    return 'stay';
  }

  async function handle(item: InboxItem): Promise<StepOutcome> {
    switch (item.type) {
      case 'decision':
        return handleDecision(item.request);
      case 'admin':
        return handleAdmin(item.request);
      case 'progress':
        return handleProgress(item.report);
      case 'measurement':
        inbox.acknowledge();
        return 'stay';
    }
  }

  /** Runs the current gate step until something moves the initiative on. */
  async function runStep(): Promise<void> {
    await enterStep();
    for (;;) {
      const next = state.ladder.find((s) => s.level > state.escalationLevel);
      if (!(await inbox.waitUntil(next ? Date.parse(next.at) : undefined)) && next) {
        await climbLadder(next);
        continue;
      }
      if ((await handle(inbox.take())) === 'leave') return;
    }
  }

  if (!input.carried) send(mail.sendStartNotices({ initiativeId }));
  while (state.status === 'active') {
    if (state.gate === 'benefit-realisation' && !patched('benefit-follow-up')) {
      // Histories from before benefit follow-up existed: the gate recorded its entry and completed.
      await enterStep();
      await finish('completed');
      continue;
    }
    if (state.gate === 'benefit-realisation') {
      const result = await followUpBenefits({
        db,
        state,
        enterStep,
        waitForInbox: (at) => inbox.waitUntil(at),
        handleNext: async (onMeasurement) => {
          const item = inbox.take();
          if (item.type === 'measurement') {
            await onMeasurement(item.benefitId);
            inbox.acknowledge();
            return 'stay';
          }
          return handle(item);
        },
        climbLadder,
        setLadder: async (ladder) => {
          state.ladder = ladder;
          state.escalationLevel = 0;
          state.stalled = false;
          state.gateDueAt = ladder[0]?.at ?? null;
          await db.resetLadder({ initiativeId, gateDueAt: state.gateDueAt });
          publish();
        },
        send,
        finish,
        continueAsNewAfterEvents: input.continueAsNewAfterEvents ?? 5_000,
      });
      if (result === 'continue-as-new') {
        await Promise.all(sends);
        await condition(() => allHandlersFinished() || inbox.size > 0);
        if (inbox.size > 0) continue;
        state.followUpCycles += 1;
        return continueAsNew<typeof initiativeWorkflow>({ ...input, carried: state });
      }
      continue;
    }
    await runStep();
  }
  await Promise.all(sends);
  return state;
}

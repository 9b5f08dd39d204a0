// The baseline: the initiative workflow's skeleton with the same updates, activities, timers and
// search-attribute upserts per initiative, run with the product's own activity proxies (database
// activities local, email activities remote, the same timeouts and retries: imported from
// workflows/activities.ts, not copied), whose activities do the same database writes and send the
// same emails through the same SMTP server in the cheapest form (bench/bare-activities.ts). What
// the bench measures on top of it is our overhead: API, validation, lookups, rendering.
import { ApplicationFailure, condition, setHandler, upsertSearchAttributes, type ActivityInterfaceFor } from '@temporalio/workflow';
import { escalationLevelKey, gateKey, stalledKey, statusKey } from '../domain/search-attributes.js';
import { databaseActivities, mail as productMail } from '../workflows/activities.js';
import type { BareActivities } from './bare-activities.js';
import {
  BARE_STEPS,
  bareDecideUpdate,
  bareMeasurementUpdate,
  bareStateQuery,
  type BareEscalationInput,
  type BareLifecycleInput,
  type BareState,
} from './bare-definitions.js';

// The product's proxies call activities by name; the baseline's have the same names' shapes.
const proxies = () => ({
  db: databaseActivities() as unknown as ActivityInterfaceFor<BareActivities>,
  mail: productMail as unknown as ActivityInterfaceFor<BareActivities>,
});

const HOUR = 3_600_000;

/** The initiative workflow's inbox: an update resolves once the main loop has acted on it. */
class Inbox {
  private items = 0;
  private taken = 0;
  private acknowledged = 0;

  async enqueue(): Promise<void> {
    this.items += 1;
    const ticket = this.taken + this.items;
    await condition(() => this.acknowledged >= ticket);
  }

  take(): void {
    this.items -= 1;
    this.taken += 1;
  }

  acknowledge(): void {
    this.acknowledged = this.taken;
  }

  wait(until: number): Promise<boolean> {
    return condition(() => this.items > 0, Math.max(1, until - Date.now()));
  }
}

function newState(): BareState {
  return { step: 0, status: 'active', decisions: 0, reminderDueAt: null, reminderSentAt: null };
}

export async function bareLifecycleWorkflow(input: BareLifecycleInput): Promise<BareState> {
  const { db, mail } = proxies();
  const id = input.id;
  const state = newState();
  const inbox = new Inbox();
  const sends: Promise<unknown>[] = [];
  let decisionInFlight = false;
  const publish = () =>
    upsertSearchAttributes([
      { key: gateKey, value: BARE_STEPS[state.step] },
      { key: statusKey, value: state.status },
      { key: escalationLevelKey, value: 0 },
      { key: stalledKey, value: false },
    ]);

  setHandler(bareStateQuery, () => state);
  setHandler(
    bareDecideUpdate,
    async () => {
      decisionInFlight = true;
      try {
        await db.checkPreconditions({ id });
        await inbox.enqueue();
        return state;
      } finally {
        decisionInFlight = false;
      }
    },
    {
      validator: (request) => {
        if (request.step !== state.step || state.step >= 4) throw ApplicationFailure.create({ type: 'WrongGate', message: `at step ${state.step}` });
        if (decisionInFlight) throw ApplicationFailure.create({ type: 'DecisionInFlight', message: 'another decision is in flight' });
      },
    },
  );
  setHandler(
    bareMeasurementUpdate,
    async () => {
      await inbox.enqueue();
      return state;
    },
    { validator: () => {
      if (state.step !== 4) throw ApplicationFailure.create({ type: 'NotApplicable', message: 'not in follow-up' });
    } },
  );

  const enter = async () => {
    await db.enterGate({ id, step: state.step, remindAt: Date.now() + HOUR });
    publish();
    inbox.acknowledge();
    sends.push(mail.sendGateEmail({ id, step: state.step, purpose: 'request' }));
  };

  sends.push(mail.sendStartNotices({ id }));
  for (let step = 0; step < 4; step++) {
    state.step = step;
    await enter();
    await inbox.wait(Date.now() + HOUR);
    inbox.take();
    await db.recordDecision({ id, step });
    state.decisions += 1;
  }
  state.step = 4;
  await enter();
  await db.startFollowUp({ id });
  await inbox.wait(Date.now() + HOUR);
  inbox.take();
  await db.evaluateBenefit({ id });
  inbox.acknowledge();
  await db.closeFollowUp({ id });
  state.status = 'completed';
  await db.finishInitiative({ id });
  publish();
  sends.push(mail.sendOutcomeNotice({ id }));
  await Promise.all(sends);
  return state;
}

/** One open gate waiting for its reminder, then for an escalation that never comes in the bench. */
export async function bareEscalationWorkflow(input: BareEscalationInput): Promise<BareState> {
  const { db, mail } = proxies();
  const id = input.id;
  const state = newState();
  setHandler(bareStateQuery, () => state);
  const publish = (level: number) =>
    upsertSearchAttributes([
      { key: gateKey, value: BARE_STEPS[0] },
      { key: statusKey, value: state.status },
      { key: escalationLevelKey, value: level },
      { key: stalledKey, value: false },
    ]);
  const sends: Promise<unknown>[] = [mail.sendStartNotices({ id })];
  const entry = await db.enterGate({ id, step: 0, remindAt: input.remindAt });
  state.reminderDueAt = entry.remindAt;
  publish(0);
  sends.push(mail.sendGateEmail({ id, step: 0, purpose: 'request' }));
  await condition(() => false, Math.max(1, input.remindAt - Date.now()));
  await db.recordEscalation({ id, step: 0, level: 1 });
  publish(1);
  sends.push(mail.sendGateEmail({ id, step: 0, purpose: 'reminder' }).then((at) => (state.reminderSentAt = at)));
  await condition(() => false, HOUR);
  await Promise.all(sends);
  return state;
}

// Scenarios 4 and 5 on one set of open gates: how late each reminder email leaves after its due
// time (and whether any is missing or sent twice), and what the open workflows cost the worker.
import { randomUUID } from 'node:crypto';
import { createWorkflowGateway } from '../../api/temporal.js';
import { bareStateQuery, type BareState } from '../bare-definitions.js';
import { calmPolicies, startBareWorker, startProduct, type BenchContext } from '../context.js';
import { createMailbox } from '../mailbox.js';
import type { ScenarioResult } from '../report.js';
import type { Memory } from '../stack.js';
import { mapLimit, round, sleep, summarize } from '../stats.js';
import { insertInitiatives, keyedLookupCost, setReminderPolicy } from './escalation-setup.js';
import { fillOpenGates, waitForReminders, type FillResult } from './open-gates.js';
import { buildBareTown } from './lifecycle-drivers.js';

const WARM_UP = 20;
const HOUR = 3_600_000;

interface PhaseResult {
  fill: FillResult;
  warm: Memory;
  full: Memory;
  peakMb: number;
  lateness: number[];
  missing: number;
  duplicates: number;
  reminders: number;
  /** Seconds between the first and the last due time (the window, widened when entries lagged). */
  dueSpreadSeconds: number;
  lookups: Record<string, number> | null;
}

export async function runEscalation(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { dueGates, openWorkflows, dueWindowSeconds, budgets } = ctx.options;
  const calmWanted = Math.max(openWorkflows - dueGates - WARM_UP, 200);
  const most = WARM_UP + calmWanted + dueGates;
  // Every open workflow stays in the sticky cache; the heap must have room for them.
  const tuning = { ...ctx.options.tuning, maxCachedWorkflows: most + 50, maxOldSpaceMb: Math.max(4096, Math.ceil(most * 0.6) + 1024) };
  const mailbox = createMailbox(ctx.stack.mailboxUrl);
  const windowMs = dueWindowSeconds * 1000;
  const tag = randomUUID().slice(0, 6);
  const reminderLimitMs = budgets.reminderWait * 1000;

  // Ours first: the product decides how many gates fit in the time caps; the baseline then gets the same.
  const product = await startProduct(ctx, 'escalation', { api: false, worker: true, tuning });
  let ours: PhaseResult;
  try {
    await calmPolicies(product.db);
    await mailbox.clear();
    const ids = await insertInitiatives(product.db, most, tag);
    const gateway = createWorkflowGateway(ctx.temporal, product.config);
    let warm: Memory = product.worker!.memory();
    const fill = await fillOpenGates(ctx.temporal, {
      name: 'ours',
      taskQueue: product.config.temporal.taskQueue,
      start: async (i) => {
        await gateway.start(ids[i], 'project');
      },
      beforeBatch: async (remindAt, lagMs) => {
        const seconds = remindAt === null ? 3_600 : Math.max(1, Math.round((remindAt - Date.now() - lagMs) / 1000));
        await setReminderPolicy(product.db, `PT${seconds}S`);
      },
    }, { warmUp: WARM_UP, calm: calmWanted, due: dueGates, windowMs, calmBudgetMs: budgets.fillCalm * 1000, dueBudgetMs: budgets.fillDue * 1000, log: ctx.log, onWarm: () => (warm = product.worker!.memory()) });
    const full = product.worker!.memory();
    const dueIds = fill.dueIndexes.map((i) => ids[i]);
    // The due time as the read model recorded it at gate entry.
    const dueAt = new Map<string, number>();
    for (const doc of await product.db.collection('initiatives').find({ gateDueAt: { $ne: null } }, { projection: { gateDueAt: 1 } }).toArray()) {
      dueAt.set(String(doc._id), (doc.gateDueAt as Date).getTime());
    }
    const lastDue = Math.max(fill.dueUntil, ...dueIds.map((id) => dueAt.get(id) ?? 0));
    await waitForReminders(ctx.temporal, product.config.temporal.taskQueue, dueIds.length, lastDue, reminderLimitMs);
    const reminders = async () => product.db.collection('emails').find({ kind: 'reminder' }, { projection: { initiativeId: 1, sentAt: 1, status: 1, messageId: 1 } }).toArray();
    let emails = await reminders();
    for (let tries = 0; tries < 15 && emails.filter((e) => e.status === 'sent').length < dueIds.length; tries++) {
      await sleep(2_000);
      emails = await reminders();
    }
    const delivered = await mailbox.messageIdCounts();
    const byInitiative = new Map<string, typeof emails>();
    for (const email of emails) byInitiative.set(String(email.initiativeId), [...(byInitiative.get(String(email.initiativeId)) ?? []), email]);
    const lateness: number[] = [];
    let missing = 0;
    let duplicates = 0;
    for (const id of dueIds) {
      const mine = (byInitiative.get(id) ?? []).filter((e) => e.status === 'sent');
      const copies = mine.reduce((sum, e) => sum + (delivered.get(String(e.messageId)) ?? 0), 0);
      if (mine.length === 0 || copies === 0) missing += 1;
      if (mine.length > 1 || copies > 1) duplicates += 1;
      const due = dueAt.get(id);
      if (mine[0]?.sentAt && due) lateness.push((mine[0].sentAt as Date).getTime() - due);
    }
    const dueTimes = dueIds.map((id) => dueAt.get(id)).filter((t): t is number => t !== undefined);
    ours = {
      fill, warm, full, peakMb: product.worker!.memory().peakMb, lateness, missing, duplicates, reminders: emails.length,
      dueSpreadSeconds: dueTimes.length ? (Math.max(...dueTimes) - Math.min(...dueTimes)) / 1000 : 0,
      lookups: await keyedLookupCost(product.db),
    };
  } finally {
    await product.stop();
  }

  const bare = await startBareWorker(ctx, 'escalation-bare', tuning);
  let bareResult: PhaseResult;
  try {
    // The baseline's initiatives and people in its own database, as ours are in the product's.
    const bareTown = await buildBareTown(bare.db, tag);
    const bareIds = Array.from({ length: most }, (_, i) => `bare-esc-${tag}-${i}`);
    for (let i = 0; i < bareIds.length; i += 2000) {
      await bare.db.collection<{ _id: string }>('initiatives').insertMany(bareIds.slice(i, i + 2000).map((id) => ({
        _id: id, title: `Åpen port ${id}`, ownerId: bareTown.governanceId, managerId: bareTown.managerId, governanceId: bareTown.governanceId, enthusiastId: bareTown.enthusiastId, benefitId: `benefit-${id}`,
      })) as never[]);
    }
    let warm: Memory = bare.memory();
    const fill = await fillOpenGates(ctx.temporal, {
      name: 'baseline',
      taskQueue: bare.taskQueue,
      start: async (i, remindAt) => {
        await ctx.temporal.workflow.start('bareEscalationWorkflow', { taskQueue: bare.taskQueue, workflowId: bareIds[i], args: [{ id: bareIds[i], remindAt: remindAt ?? Date.now() + HOUR }] });
      },
    }, { warmUp: WARM_UP, calm: ours.fill.calm, due: ours.fill.dueIndexes.length, windowMs, calmBudgetMs: budgets.fillCalm * 2000, dueBudgetMs: budgets.fillDue * 1000, log: ctx.log, onWarm: () => (warm = bare.memory()) });
    const full = bare.memory();
    await waitForReminders(ctx.temporal, bare.taskQueue, fill.dueIndexes.length, fill.dueUntil, reminderLimitMs);
    await sleep(2_000);
    const states = await mapLimit(fill.dueIndexes, 32, (i) => ctx.temporal.workflow.getHandle(bareIds[i]).query(bareStateQuery).catch(() => null as BareState | null));
    const sent = states.filter((s): s is BareState => Boolean(s?.reminderSentAt && s.reminderDueAt));
    bareResult = {
      fill, warm, full, peakMb: bare.memory().peakMb,
      lateness: sent.map((s) => s.reminderSentAt! - s.reminderDueAt!),
      missing: fill.dueIndexes.length - sent.length, duplicates: 0, reminders: sent.length,
      dueSpreadSeconds: windowMs / 1000, lookups: null,
    };
  } finally {
    await bare.stop();
  }

  const late = summarize(ours.lateness);
  const bareLate = summarize(bareResult.lateness);
  const open = (p: PhaseResult) => p.fill.calm + p.fill.dueIndexes.length;
  const perWorkflowKb = (p: PhaseResult) => ((p.full.rssMb - p.warm.rssMb) * 1024) / open(p);
  const dueCount = ours.fill.dueIndexes.length;
  const phase = (p: PhaseResult) => ({
    entryRatePerSecond: round(p.fill.entryRatePerSecond, 1),
    secondsToFill: round(p.fill.secondsToFill, 0),
    lateness: { count: summarize(p.lateness).count, p50: round(summarize(p.lateness).p50, 0), p95: round(summarize(p.lateness).p95, 0), p99: round(summarize(p.lateness).p99, 0), max: round(summarize(p.lateness).max, 0) },
    dueSpreadSeconds: round(p.dueSpreadSeconds, 1),
    remindersFound: p.reminders,
    missing: p.missing,
    duplicates: p.duplicates,
  });
  const common = {
    dueGatesWanted: dueGates, dueGates: dueCount, windowSeconds: dueWindowSeconds, dueRatePerSecond: round(dueCount / dueWindowSeconds, 0),
    ours: phase(ours), baseline: phase(bareResult), keyedLookups: ours.lookups,
  };
  const footprint = {
    openWorkflowsWanted: WARM_UP + openWorkflows,
    openWorkflows: WARM_UP + open(ours),
    openWorkflowsBaseline: WARM_UP + open(bareResult),
    stickyCache: tuning.maxCachedWorkflows,
    workerHeapLimitMb: tuning.maxOldSpaceMb,
    ours: { warmRssMb: round(ours.warm.rssMb, 0), fullRssMb: round(ours.full.rssMb, 0), peakRssMb: round(ours.peakMb, 0) },
    baseline: { warmRssMb: round(bareResult.warm.rssMb, 0), fullRssMb: round(bareResult.full.rssMb, 0), peakRssMb: round(bareResult.peakMb, 0) },
  };
  return [
    {
      id: 'escalation-lateness',
      scenario: 4,
      metric: `p99 reminder sent after due, ${dueCount} due within ${dueWindowSeconds} s`,
      value: round(late.p99, 0),
      unit: 'ms',
      baseline: round(bareLate.p99, 0),
      ratio: round(late.p99 / bareLate.p99, 2),
      goal: 'p99 < 2000 ms',
      met: late.count > 0 && late.p99 < 2_000,
      details: { p50: round(late.p50, 0), ...common },
    },
    { id: 'escalation-missing', scenario: 4, metric: 'reminders missing', value: ours.missing, unit: '', baseline: bareResult.missing, ratio: null, goal: '0', met: ours.missing === 0, details: { dueGates: dueCount } },
    { id: 'escalation-duplicates', scenario: 4, metric: 'reminders sent twice', value: ours.duplicates, unit: '', baseline: bareResult.duplicates, ratio: null, goal: '0', met: ours.duplicates === 0, details: { dueGates: dueCount } },
    {
      id: 'worker-footprint',
      scenario: 5,
      metric: `worker RSS per cached workflow, ${WARM_UP + open(ours)} open`,
      value: round(perWorkflowKb(ours), 1),
      unit: 'KiB',
      baseline: round(perWorkflowKb(bareResult), 1),
      ratio: round(perWorkflowKb(ours) / perWorkflowKb(bareResult), 2),
      goal: null,
      met: null,
      details: footprint,
    },
  ];
}

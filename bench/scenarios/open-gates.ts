// Filling a worker with open gates for scenarios 4 and 5: a calm part whose reminders are an hour
// away, then batches whose reminders fall due within a short window. A reminder's due time is the
// gate's entry time plus the policy's remindAfter, so before each batch the policy is set to end
// at that batch's slot in the window, and the next batch starts only when this one has entered.
import type { Client } from '@temporalio/client';
import { mapLimit, sleep } from '../stats.js';

export interface Filler {
  name: string;
  taskQueue: string;
  /** Starts workflow `index`, whose reminder falls due at `remindAt` (epoch ms), or an hour later when null. */
  start(index: number, remindAt: number | null): Promise<void>;
  /** Called before a batch whose reminders should fall due at `remindAt`. */
  beforeBatch?(remindAt: number | null, expectedEntryLagMs: number): Promise<void>;
}

export interface FillPlan {
  warmUp: number;
  /** Upper bounds; the time caps may stop a part early. */
  calm: number;
  due: number;
  windowMs: number;
  calmBudgetMs: number;
  dueBudgetMs: number;
  log(message: string): void;
  /** Measured once the warm-up has entered, and again when every gate is open. */
  onWarm(): void;
}

export interface FillResult {
  entryRatePerSecond: number;
  calm: number;
  dueFrom: number;
  dueUntil: number;
  dueIndexes: number[];
  secondsToFill: number;
}

/** Gates entered so far on a task queue, from Temporal's visibility (the workflow upserts EpGate on entry). */
export async function enteredCount(temporal: Client, taskQueue: string): Promise<number> {
  const { count } = await temporal.workflow.count(`TaskQueue = '${taskQueue}' AND EpGate IS NOT NULL`);
  return count;
}

export async function escalatedCount(temporal: Client, taskQueue: string): Promise<number> {
  const { count } = await temporal.workflow.count(`TaskQueue = '${taskQueue}' AND EpEscalationLevel >= 1`);
  return count;
}

async function waitUntilEntered(temporal: Client, taskQueue: string, target: number, limitMs: number, what: string): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if ((await enteredCount(temporal, taskQueue)) >= target) return;
    await sleep(250);
  }
  throw new Error(`${what}: fewer than ${target} gates entered within ${Math.round(limitMs / 1000)} s`);
}

export async function fillOpenGates(temporal: Client, filler: Filler, plan: FillPlan): Promise<FillResult> {
  const started = Date.now();
  let next = 0;
  const startMany = (count: number, remindAt: number | null) => {
    const indexes = Array.from({ length: count }, () => next++);
    return mapLimit(indexes, 32, (i) => filler.start(i, remindAt)).then(() => indexes);
  };
  const BATCH = 50;

  await filler.beforeBatch?.(null, 0);
  await startMany(plan.warmUp, null);
  await waitUntilEntered(temporal, filler.taskQueue, next, 120_000, `${filler.name} warm-up`);
  await sleep(1_000);
  plan.onWarm();

  // Calm gates in batches until the count or the time cap is reached.
  const calmStarted = Date.now();
  let calm = 0;
  while (calm < plan.calm && Date.now() - calmStarted < plan.calmBudgetMs) {
    const size = Math.min(BATCH, plan.calm - calm);
    await startMany(size, null);
    calm += size;
    await waitUntilEntered(temporal, filler.taskQueue, next, 120_000 + size * 1_000, `${filler.name} calm gates`);
  }
  const entryRate = calm / Math.max(0.001, (Date.now() - calmStarted) / 1000);
  plan.log(`${filler.name}: ${next} open gates, entering at ${entryRate.toFixed(1)}/s`);

  // The window opens when the due batches should have entered (at two thirds of the calm rate, within
  // the time cap); each batch takes its slot in the window in order.
  const dueFrom = Date.now() + Math.min(plan.dueBudgetMs, (plan.due / Math.max(entryRate, 0.1)) * 1_500 + 5_000) + 10_000;
  const dueIndexes: number[] = [];
  let lagMs = 1_000;
  let lastBatchMs = 0;
  while (dueIndexes.length < plan.due && Date.now() + lastBatchMs < dueFrom - 10_000) {
    const size = Math.min(BATCH, plan.due - dueIndexes.length);
    const remindAt = dueFrom + Math.round((dueIndexes.length / plan.due) * plan.windowMs);
    await filler.beforeBatch?.(remindAt, lagMs);
    const batchStarted = Date.now();
    dueIndexes.push(...(await startMany(size, remindAt)));
    // Gates entering after the window opened still count: their due time is what the read model says.
    const entered = await waitUntilEntered(temporal, filler.taskQueue, next, Math.max(5_000, dueFrom - Date.now() - 2_000), `${filler.name} due gates`).then(() => true, () => false);
    if (!entered) break;
    lastBatchMs = Date.now() - batchStarted;
    lagMs = Math.min(10_000, lastBatchMs / 2);
  }
  plan.log(`${filler.name}: ${dueIndexes.length} reminders due from ${new Date(dueFrom).toISOString()} over ${plan.windowMs / 1000} s (${((dueFrom - Date.now()) / 1000).toFixed(0)} s from now)`);
  return { entryRatePerSecond: entryRate, calm, dueFrom, dueUntil: dueFrom + plan.windowMs, dueIndexes, secondsToFill: (Date.now() - started) / 1000 };
}

/** Waits (bounded) until `expected` gates on the task queue have climbed to the reminder. */
export async function waitForReminders(temporal: Client, taskQueue: string, expected: number, dueUntil: number, limitMs: number): Promise<number> {
  const deadline = Math.max(dueUntil, Date.now()) + limitMs;
  let seen = 0;
  while (Date.now() < deadline) {
    seen = await escalatedCount(temporal, taskQueue);
    if (seen >= expected && Date.now() > dueUntil) return seen;
    await sleep(1_000);
  }
  return seen;
}

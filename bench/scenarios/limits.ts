// Where a candidate Temporal stops keeping up on this machine: closed-loop load of N concurrent
// bare lifecycles for a fixed time per level, counting failed calls and update latency. Bare
// workflows with activities that do nothing, so the figure is Temporal's and not the product's.
import { Client, Connection } from '@temporalio/client';
import { bareDecideUpdate, bareMeasurementUpdate } from '../bare-definitions.js';
import type { BenchContext } from '../context.js';
import { startWorkerProcess } from '../stack.js';
import { round, sleep, summarize } from '../stats.js';

interface Level {
  concurrent: number;
  seconds: number;
  lifecycles: number;
  perSecond: number;
  updates: number;
  failedCalls: number;
  errorKinds: Record<string, number>;
  updateP50Ms: number | null;
  updateP99Ms: number | null;
  /** Lanes still inside a lifecycle 30 s after the level's time was up. */
  unfinishedLanes: number;
  /** Every call succeeded and every lane finished its last lifecycle in time. */
  noFailures: boolean;
  /** And updates answered within the ceiling. */
  healthy: boolean;
}

/** A level is healthy when no call failed and updates answer well within the 10 s the API waits. */
const P99_CEILING_MS = 5_000;

async function runLevel(client: Client, taskQueue: string, concurrent: number, durationMs: number, tag: string): Promise<Level> {
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  let lifecycles = 0;
  let failedCalls = 0;
  const stopAt = Date.now() + durationMs;
  let abandoned = false;
  const started = performance.now();
  let running = concurrent;
  const lane = async (l: number) => {
    for (let k = 0; Date.now() < stopAt && k < 10_000; k++) {
      try {
        const handle = await client.workflow.start('bareLifecycleWorkflow', { taskQueue, workflowId: `limit-${tag}-${concurrent}-${l}-${k}`, args: [{ id: `${l}-${k}` }] });
        for (let step = 0; step < 4; step++) {
          if (abandoned) return;
          const t = performance.now();
          await handle.executeUpdate(bareDecideUpdate, { args: [{ step }] });
          latencies.push(performance.now() - t);
        }
        await handle.executeUpdate(bareMeasurementUpdate, { args: [] });
        lifecycles += 1;
      } catch (error) {
        if (abandoned) return;
        failedCalls += 1;
        const kind = (error instanceof Error ? `${error.name}: ${(error.cause as Error | undefined)?.message ?? error.message}` : String(error)).slice(0, 80);
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
        await sleep(500);
      }
    }
  };
  // Lanes past the deadline finish their current lifecycle; bounded by the SDK's own deadlines.
  const lanes = Array.from({ length: concurrent }, (_, l) => lane(l).finally(() => (running -= 1)));
  const finished = await Promise.race([Promise.all(lanes).then(() => true), sleep(durationMs + 30_000).then(() => false)]);
  abandoned = true;
  const unfinishedLanes = running;
  const seconds = (performance.now() - started) / 1000;
  const s = summarize(latencies);
  return {
    concurrent,
    seconds: round(seconds, 1)!,
    lifecycles,
    perSecond: round(lifecycles / seconds, 2)!,
    updates: latencies.length,
    failedCalls,
    errorKinds,
    updateP50Ms: round(s.p50, 0),
    updateP99Ms: round(s.p99, 0),
    unfinishedLanes,
    noFailures: finished && failedCalls === 0 && lifecycles > 0,
    healthy: finished && failedCalls === 0 && lifecycles > 0 && s.p99 < P99_CEILING_MS,
  };
}

export interface Probe {
  stack: string;
  levels: Level[];
  /** Highest level with update p99 under the ceiling and no failures. */
  latencyLimit: number | null;
  /** Lowest level at which calls failed (timeouts), if any was reached. */
  firstFailing: number | null;
  peakPerSecond: number;
  summary: string;
}

function describeFailure(level: Level): string {
  const parts = [`${level.perSecond} lifecycles/s`, `update p99 ${Math.round((level.updateP99Ms ?? 0) / 1000)} s`];
  if (level.failedCalls) parts.push(`${level.failedCalls} failed calls: ${Object.keys(level.errorKinds)[0]}`);
  if (level.unfinishedLanes) parts.push(`${level.unfinishedLanes} of ${level.concurrent} lifecycles still unfinished 30 s after the level ended`);
  return parts.join(', ');
}

/** The candidate stack's Temporal under bare lifecycles whose activities do nothing, level by level. */
export async function runLimits(ctx: BenchContext): Promise<Probe> {
  const { limitLevels } = ctx.options;
  const durationMs = ctx.options.budgets.limitsLevel * 1000;
  // Never closed: lanes abandoned at a level's end may still retry on it, and a closed channel
  // throws from inside the SDK's retry timer. The process exit closes it.
  const connection = await Connection.connect({ address: ctx.stack.temporalAddress });
  const client = new Client({ connection });
  const levels: Level[] = [];
  for (const concurrent of limitLevels) {
    const taskQueue = `limits-${concurrent}`;
    const worker = await startWorkerProcess({
      name: `worker-limits-${concurrent}`, mode: 'noop', bundlePath: ctx.bundles.bare, logDir: ctx.logDir, tuning: ctx.options.tuning,
      env: { ...process.env, LOG_LEVEL: 'warn', TEMPORAL_ADDRESS: ctx.stack.temporalAddress, TEMPORAL_TASK_QUEUE: taskQueue },
    });
    try {
      const level = await runLevel(client, taskQueue, concurrent, durationMs, ctx.stack.name.replace(/\W/g, '-'));
      levels.push(level);
      ctx.log(`limits(${ctx.stack.temporal}): ${concurrent} concurrent: ${level.perSecond} lifecycles/s, update p50 ${level.updateP50Ms} ms p99 ${level.updateP99Ms} ms, ${level.failedCalls} failed calls, ${level.unfinishedLanes} lanes unfinished`);
      if (!level.noFailures) break;
    } finally {
      await worker.stop();
    }
  }
  const healthy = levels.filter((l) => l.healthy).map((l) => l.concurrent);
  const latencyLimit = healthy.length ? Math.max(...healthy) : null;
  const firstFailing = levels.find((l) => !l.noFailures)?.concurrent ?? null;
  const peakPerSecond = Math.max(0, ...levels.map((l) => l.perSecond));
  const summary =
    `${ctx.stack.temporal}: bare lifecycles (start, 5 updates, 22 no-op activities, 5 timers) in a closed loop for ${durationMs / 1000} s per level: ` +
    `update p99 under ${P99_CEILING_MS / 1000} s up to ${latencyLimit ?? `none of ${limitLevels.join('/')}`} concurrent; ` +
    (firstFailing ? `stops keeping up at ${firstFailing} concurrent (${describeFailure(levels.find((l) => l.concurrent === firstFailing)!)})` : `no failed calls up to ${levels.at(-1)?.concurrent} (highest tried)`) +
    `; peak ${peakPerSecond} lifecycles/s`;
  return { stack: ctx.stack.name, levels, latencyLimit, firstFailing, peakPerSecond, summary };
}

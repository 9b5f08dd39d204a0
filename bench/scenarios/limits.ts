// Where the embedded Temporal dev server (SQLite behind one connection) stops keeping up on this
// machine: closed-loop load of N concurrent bare lifecycles for a fixed time per level, on a fresh
// server per configuration, counting failed calls and update latency. Bare workflows, so the
// figure is Temporal's and not the product's.
import { Client, Connection } from '@temporalio/client';
import { bareDecideUpdate, bareMeasurementUpdate } from '../bare-definitions.js';
import type { BenchContext } from '../context.js';
import type { Limits } from '../report.js';
import { startTemporalServer, startWorkerProcess, STACK_PRAGMAS, type WorkerTuning } from '../stack.js';
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

interface Config {
  name: string;
  pragmas: string[];
  tuning: WorkerTuning;
  levels: number[];
}

interface Probe {
  config: Config;
  levels: Level[];
  /** Highest level with update p99 under the ceiling and no failures. */
  latencyLimit: number | null;
  /** Lowest level at which calls failed (timeouts), if any was reached. */
  firstFailing: number | null;
}

async function probe(ctx: BenchContext, config: Config, durationMs: number): Promise<Probe> {
  const server = await startTemporalServer(ctx.dataDir, `temporal-limits-${config.name}`, config.pragmas);
  // Never closed: lanes abandoned at a level's end may still retry on it, and a closed channel
  // throws from inside the SDK's retry timer. The process exit closes it.
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const levels: Level[] = [];
  try {
    for (const concurrent of config.levels) {
      const taskQueue = `limits-${config.name}-${concurrent}`;
      const worker = await startWorkerProcess({
        name: `worker-limits-${config.name}-${concurrent}`, mode: 'bare', bundlePath: ctx.bundles.bare, logDir: ctx.logDir, tuning: config.tuning,
        env: { ...process.env, LOG_LEVEL: 'warn', TEMPORAL_ADDRESS: server.address, TEMPORAL_TASK_QUEUE: taskQueue },
      });
      try {
        const level = await runLevel(client, taskQueue, concurrent, durationMs, config.name);
        levels.push(level);
        ctx.log(`limits: ${config.name} ${concurrent} concurrent: ${level.perSecond} lifecycles/s, update p50 ${level.updateP50Ms} ms p99 ${level.updateP99Ms} ms, ${level.failedCalls} failed calls, ${level.unfinishedLanes} lanes unfinished`);
        if (!level.noFailures) break;
      } finally {
        await worker.stop();
      }
    }
  } finally {
    await server.process.stop();
  }
  const healthy = levels.filter((l) => l.healthy).map((l) => l.concurrent);
  return { config, levels, latencyLimit: healthy.length ? Math.max(...healthy) : null, firstFailing: levels.find((l) => !l.noFailures)?.concurrent ?? null };
}

function describeFailure(level: Level): string {
  const parts = [`${level.perSecond} lifecycles/s`, `update p99 ${Math.round((level.updateP99Ms ?? 0) / 1000)} s`];
  if (level.failedCalls) parts.push(`${level.failedCalls} failed calls: ${Object.keys(level.errorKinds)[0]}`);
  if (level.unfinishedLanes) parts.push(`${level.unfinishedLanes} of ${level.concurrent} lifecycles still unfinished 30 s after the level ended`);
  return parts.join(', ');
}

export async function runLimits(ctx: BenchContext): Promise<Limits> {
  const { limitLevels, quick } = ctx.options;
  const durationMs = ctx.options.budgets.limitsLevel * 1000;
  const stack = await probe(ctx, { name: 'stack-pragmas', pragmas: STACK_PRAGMAS, tuning: {}, levels: limitLevels }, durationMs);
  const results = [stack];
  if (!quick) {
    // Around the stack's limits: do other pragmas, or a bigger worker, move them?
    // The busiest level whose updates still answered within 10 s: loaded, yet comparable.
    const usable = stack.levels.filter((l) => l.noFailures && (l.updateP99Ms ?? Infinity) < 10_000).map((l) => l.concurrent);
    const around = [usable.length ? Math.max(...usable) : limitLevels[0]];
    const top = around[0];
    for (const config of [
      { name: 'sqlite-defaults', pragmas: [], tuning: {}, levels: around },
      { name: 'wal-sync-off', pragmas: ['journal_mode=wal', 'synchronous=off'], tuning: {}, levels: around },
      { name: 'stack-pragmas-big-worker', pragmas: STACK_PRAGMAS, tuning: { maxConcurrentWorkflowTaskExecutions: 200, maxConcurrentActivityTaskExecutions: 500, maxCachedWorkflows: top * 2, maxOldSpaceMb: 4096 }, levels: around },
    ]) results.push(await probe(ctx, config, durationMs));
  }
  const line = (r: Probe) =>
    `${r.config.name} (${r.config.pragmas.join(' ') || 'SQLite defaults'}${Object.keys(r.config.tuning).length ? `, worker ${JSON.stringify(r.config.tuning)}` : ''}): ` +
    `update p99 under ${P99_CEILING_MS / 1000} s up to ${r.latencyLimit ?? `none of ${r.config.levels.join('/')}`} concurrent; ` +
    (r.firstFailing ? `stops keeping up at ${r.firstFailing} concurrent (${describeFailure(r.levels.find((l) => l.concurrent === r.firstFailing)!)})` : `no failed calls up to ${r.levels[r.levels.length - 1]?.concurrent} (highest tried)`) +
    `; peak ${Math.max(...r.levels.map((l) => l.perSecond))} lifecycles/s`;
  return {
    summary:
      `Temporal dev server on this machine, bare lifecycles (start, 5 updates, 22 activities, 5 timers each) in a closed loop for ${durationMs / 1000} s per level of concurrency. ` +
      results.map(line).join('. ') + '.',
    healthyCeilingMs: P99_CEILING_MS,
    secondsPerLevel: durationMs / 1000,
    configurations: results.map((r) => ({ name: r.config.name, sqlitePragmas: r.config.pragmas, workerTuning: r.config.tuning, latencyLimit: r.latencyLimit, firstFailing: r.firstFailing, levels: r.levels })),
  };
}

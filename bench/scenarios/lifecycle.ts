// Scenarios 1 and 2: N initiatives at once through all four gates, rounds of ours and of the
// bare baseline alternating; throughput from the rounds, decision latency from every decision.
import { randomUUID } from 'node:crypto';
import { calmPolicies, startBareWorker, startProduct, type BenchContext } from '../context.js';
import { createMailbox } from '../mailbox.js';
import type { ScenarioResult } from '../report.js';
import { memoryOf } from '../stack.js';
import { round, summarize, within } from '../stats.js';
import { Abandoned, driveBare, driveInitiative, STEPS_PER_INITIATIVE, type DriveContext, type LatencySample, type Progress } from './lifecycle-drivers.js';
import { buildTown } from './town.js';

interface RoundResult {
  kind: 'ours' | 'bare';
  n: number;
  completed: number;
  /** Initiatives' worth of steps per second: equals completed/s when all finish, and stays fair when the time cap cuts a round. */
  perSecond: number;
  started: number;
  steps: number;
  seconds: number;
  capped: boolean;
  errors: string[];
}

const WARM_UP = 5;
/** Initiatives driven one at a time, for the latency of a decision on an idle system. */
const ALONE = 3;

export async function runLifecycle(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { initiatives: n, rounds } = ctx.options;
  const product = await startProduct(ctx, 'lifecycle', { api: true, worker: true });
  const bare = await startBareWorker(ctx, 'lifecycle-bare');
  try {
    await calmPolicies(product.db);
    const tag = randomUUID().slice(0, 6);
    const town = await buildTown(product.db, product.api!.baseUrl, WARM_UP + ALONE + n * rounds, tag);
    const oursSamples: LatencySample[] = [];
    const bareSamples: LatencySample[] = [];
    const appliedDespite503 = { count: 0 };
    const drive: DriveContext = {
      baseUrl: product.api!.baseUrl,
      appliedDespite503,
      db: product.db,
      temporal: ctx.temporal,
      mailbox: createMailbox(ctx.stack.mailboxUrl),
      town,
      emailTimeoutMs: ctx.options.budgets.lifecycleRound * 1000,
      samples: [],
      progress: { started: 0, steps: 0, abandoned: false },
    };
    const roundLimitMs = ctx.options.budgets.lifecycleRound * 1000;

    async function runRound(kind: 'ours' | 'bare', offset: number, count: number, samples: LatencySample[]): Promise<RoundResult> {
      const errors: string[] = [];
      const progress: Progress = { started: 0, steps: 0, abandoned: false };
      let completed = 0;
      const started = performance.now();
      const one = async (i: number) => {
        try {
          if (kind === 'ours') await driveInitiative({ ...drive, samples, progress }, offset + i);
          else await driveBare(ctx.temporal, bare.taskQueue, `bare-${tag}-${offset + i}`, samples, progress);
          completed += 1;
        } catch (error) {
          if (!(error instanceof Abandoned)) errors.push(error instanceof Error ? error.message : String(error));
        }
      };
      const capped = await within(Promise.all(Array.from({ length: count }, (_, i) => one(i))), roundLimitMs, `${kind} lifecycle round`).then(() => false, () => true);
      progress.abandoned = true;
      const seconds = (performance.now() - started) / 1000;
      const steps = Math.min(progress.steps, count * STEPS_PER_INITIATIVE);
      return { kind, n: count, completed, perSecond: steps / STEPS_PER_INITIATIVE / seconds, started: progress.started, steps, seconds, capped, errors };
    }

    ctx.log(`lifecycle: warm-up (${WARM_UP} each)`);
    await runRound('bare', 0, WARM_UP, []);
    await runRound('ours', 0, WARM_UP, []);

    const aloneSamples: LatencySample[] = [];
    const bareAloneSamples: LatencySample[] = [];
    for (let i = 0; i < ALONE; i++) {
      await runRound('bare', WARM_UP + i, 1, bareAloneSamples);
      await runRound('ours', WARM_UP + i, 1, aloneSamples);
    }

    const results: RoundResult[] = [];
    for (let r = 0; r < rounds; r++) {
      const order: ('ours' | 'bare')[] = r % 2 === 0 ? ['bare', 'ours'] : ['ours', 'bare'];
      for (const kind of order) {
        ctx.log(`lifecycle: round ${r + 1}/${rounds}, ${kind}, ${n} initiatives at once`);
        const result = await runRound(kind, WARM_UP + ALONE + r * n, n, kind === 'ours' ? oursSamples : bareSamples);
        ctx.log(`lifecycle:   ${result.started} started, ${result.steps} of ${n * STEPS_PER_INITIATIVE} steps, ${result.completed}/${n} completed in ${result.seconds.toFixed(1)} s${result.capped ? ' (time cap)' : ''}, ${result.perSecond.toFixed(2)} initiatives/s${result.errors.length ? `, ${result.errors.length} errors: ${result.errors[0]}` : ''}`);
        results.push(result);
      }
    }

    const rate = (kind: 'ours' | 'bare') => {
      const mine = results.filter((r) => r.kind === kind);
      return mine.reduce((s, r) => s + r.perSecond * r.seconds, 0) / mine.reduce((s, r) => s + r.seconds, 0);
    };
    const ours = rate('ours');
    const baseline = rate('bare');
    const memory = {
      workerPeakRssMb: round(product.worker!.memory().peakMb, 0),
      apiPeakRssMb: round(product.api!.memory().peakMb, 0),
      bareWorkerPeakRssMb: round(bare.memory().peakMb, 0),
      temporalPeakRssMb: round(memoryOf(ctx.stack.temporal.process.child.pid).peakMb, 0),
    };
    const errors = results.flatMap((r) => r.errors.map((e) => `${r.kind}: ${e}`));
    const roundsSummary = results.map((r) => ({ kind: r.kind, started: r.started, steps: r.steps, completed: r.completed, of: r.n, seconds: round(r.seconds, 1), timeCap: r.capped, perSecond: round(r.perSecond, 2) }));

    const all = summarize(oursSamples.map((s) => s.ms));
    const api = summarize(oursSamples.filter((s) => s.channel === 'api').map((s) => s.ms));
    const link = summarize(oursSamples.filter((s) => s.channel === 'email-link').map((s) => s.ms));
    const bareLatency = summarize(bareSamples.map((s) => s.ms));
    const ms = (s: ReturnType<typeof summarize>) => ({ count: s.count, p50: round(s.p50, 0), p95: round(s.p95, 0), p99: round(s.p99, 0), max: round(s.max, 0) });

    return [
      {
        id: 'lifecycle-throughput',
        scenario: 1,
        metric: `initiatives/s through 4 gates, ${n} at once`,
        value: round(ours, 2),
        unit: '/s',
        baseline: round(baseline, 2),
        ratio: round(baseline / ours, 2),
        goal: 'ratio ≤ 1.5',
        met: baseline / ours <= 1.5 && errors.length === 0 && !results.some((r) => r.capped),
        details: { rounds: roundsSummary, errors: errors.length, firstErrors: errors.slice(0, 3), decisionsAnswered503ButApplied: appliedDespite503.count, ...memory },
      },
      {
        id: 'decision-latency',
        scenario: 2,
        metric: 'p95 decision POST → read model shows new gate',
        // No decision finished within the round's time cap: the latency is at least the cap.
        value: all.count ? round(all.p95, 0) : null,
        unit: 'ms',
        baseline: round(bareLatency.p95, 0),
        ratio: all.count ? round(all.p95 / bareLatency.p95, 2) : null,
        goal: 'p95 < 250 ms',
        met: all.count > 0 && all.p95 < 250,
        details: {
          all: ms(all), api: ms(api), emailLink: ms(link), bareUpdate: ms(bareLatency),
          oneAtATime: { ours: ms(summarize(aloneSamples.map((x) => x.ms))), api: ms(summarize(aloneSamples.filter((x) => x.channel === 'api').map((x) => x.ms))), emailLink: ms(summarize(aloneSamples.filter((x) => x.channel === 'email-link').map((x) => x.ms))), bare: ms(summarize(bareAloneSamples.map((x) => x.ms))) },
          ...(all.count ? {} : { noDecisionWithinSeconds: ctx.options.budgets.lifecycleRound }),
          answered503ButApplied: appliedDespite503.count, ...memory },
      },
    ];
  } finally {
    await bare.stop();
    await product.stop();
  }
}

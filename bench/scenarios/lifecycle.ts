// Goals 1–3 on one candidate stack: N initiatives at once through all four gates beside the
// baseline (the same workflow skeleton with the product's activity options doing the same
// database and SMTP work by _id). Throughput counts only initiatives that completed; every
// decision of the round is in the latency percentiles, the unfinished ones at the cap.
import { randomUUID } from 'node:crypto';
import { calmPolicies, startBareWorker, startProduct, type BenchContext } from '../context.js';
import { Answers } from '../http.js';
import { createMailbox } from '../mailbox.js';
import type { ScenarioResult } from '../report.js';
import { memoryOf } from '../stack.js';
import { round as roundTo, summarize, within } from '../stats.js';
import { Abandoned, buildBareTown, driveBare, driveInitiative, newWalk, type DecisionSlot, type DriveContext, type Round, type Walk } from './lifecycle-drivers.js';
import { buildTown } from './town.js';

interface RoundResult {
  kind: 'ours' | 'bare';
  n: number;
  walks: Walk[];
  completed: number;
  seconds: number;
  capped: boolean;
  capMs: number;
}

const WARM_UP = 5;
/** Initiatives driven one at a time, for the latency of a decision on an idle system. */
const ALONE = 3;

const OURS: DecisionSlot['channel'][] = ['api', 'email-link', 'api', 'email-link'];
const BARE: DecisionSlot['channel'][] = ['bare-update', 'bare-update', 'bare-update', 'bare-update'];

/** Masks ids, tokens and numbers so that errors of one kind count together. */
const kindOf = (message: string) => message.replace(/[0-9a-f]{24}/g, ':id').replace(/bare-\w+-\d+/g, 'bare-:id').replace(/\d+(\.\d+)?/g, 'N').slice(0, 160);

function tally(items: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
}

/** Every decision of the round: applied ones as measured, the rest at the cap. */
function latencies(result: RoundResult): { samples: number[]; unfinished: Record<string, number>; posted: number[] } {
  const samples: number[] = [];
  const posted: number[] = [];
  const unfinished: string[] = [];
  for (const walk of result.walks) {
    for (const slot of walk.decisions) {
      if (slot.state === 'applied') {
        samples.push(slot.ms!);
        posted.push(slot.ms!);
        continue;
      }
      samples.push(result.capMs);
      if (slot.state === 'posted') {
        posted.push(result.capMs);
        unfinished.push(walk.error ? `${slot.name}: failed: ${kindOf(walk.error)}` : `${slot.name}: posted, not applied by the cap`);
      } else {
        unfinished.push(`${slot.name}: not reached (${walk.error ? `failed earlier: ${kindOf(walk.error)}` : `stuck at ${kindOf(walk.stage)}`})`);
      }
    }
  }
  return { samples, unfinished: tally(unfinished), posted };
}

const ms = (s: ReturnType<typeof summarize>) => ({ count: s.count, p50: roundTo(s.p50, 0), p95: roundTo(s.p95, 0), p99: roundTo(s.p99, 0), max: roundTo(s.max, 0) });

export async function runLifecycle(ctx: BenchContext): Promise<ScenarioResult[]> {
  const n = ctx.options.initiatives;
  const capMs = ctx.options.budgets.lifecycleRound * 1000;
  const product = await startProduct(ctx, 'lifecycle', { api: true, worker: true });
  const bare = await startBareWorker(ctx, 'lifecycle-bare');
  const answers = new Answers();
  try {
    await calmPolicies(product.db);
    const tag = randomUUID().slice(0, 6);
    const town = await buildTown(product.db, product.api!.baseUrl, WARM_UP + ALONE + n, tag, answers);
    const bareTown = await buildBareTown(bare.db, tag);
    const mailbox = createMailbox(ctx.stack.mailboxUrl);
    const drive: DriveContext = { baseUrl: product.api!.baseUrl, db: product.db, temporal: ctx.temporal, mailbox, town, answers, emailTimeoutMs: capMs };

    async function runRound(kind: 'ours' | 'bare', offset: number, count: number): Promise<RoundResult> {
      const round: Round = { startedAt: performance.now(), abandoned: false };
      const walks = Array.from({ length: count }, () => newWalk(kind === 'ours' ? OURS : BARE));
      const one = async (i: number) => {
        try {
          if (kind === 'ours') await driveInitiative(drive, round, walks[i], offset + i);
          else await driveBare({ temporal: ctx.temporal, mailbox, emailTimeoutMs: capMs }, bareTown, bare.taskQueue, round, walks[i], offset + i);
        } catch (error) {
          if (!(error instanceof Abandoned)) walks[i].error = error instanceof Error ? error.message : String(error);
        }
      };
      const capped = await within(Promise.all(walks.map((_, i) => one(i))), capMs, `${kind} lifecycle round`).then(() => false, () => true);
      round.abandoned = true;
      const seconds = (performance.now() - round.startedAt) / 1000;
      return { kind, n: count, walks, completed: walks.filter((w) => w.completed).length, seconds, capped, capMs };
    }

    ctx.log(`lifecycle: warm-up (${WARM_UP} each)`);
    await runRound('bare', 0, WARM_UP);
    await runRound('ours', 0, WARM_UP);
    const alone: RoundResult[] = [];
    const bareAlone: RoundResult[] = [];
    for (let i = 0; i < ALONE; i++) {
      bareAlone.push(await runRound('bare', WARM_UP + i, 1));
      alone.push(await runRound('ours', WARM_UP + i, 1));
    }

    const results: RoundResult[] = [];
    for (const kind of ['bare', 'ours'] as const) {
      ctx.log(`lifecycle: ${kind}, ${n} initiatives at once (cap ${capMs / 1000} s)`);
      const result = await runRound(kind, WARM_UP + ALONE, n);
      const errors = result.walks.filter((w) => w.error).length;
      ctx.log(`lifecycle:   ${result.completed}/${n} completed in ${result.seconds.toFixed(1)} s${result.capped ? ' (time cap)' : ''}, ${(result.completed / result.seconds).toFixed(2)} completed/s${errors ? `, ${errors} failed: ${result.walks.find((w) => w.error)!.error!.slice(0, 200)}` : ''}`);
      results.push(result);
    }
    const [bareRound, oursRound] = results;
    const rate = (r: RoundResult) => r.completed / r.seconds;
    const ours = rate(oursRound);
    const baseline = rate(bareRound);
    const ratio = ours > 0 ? baseline / ours : null;

    const oursLatency = latencies(oursRound);
    const bareLatency = latencies(bareRound);
    const all = summarize(oursLatency.samples);
    const byChannel = (channel: DecisionSlot['channel']) =>
      ms(summarize(oursRound.walks.flatMap((w) => w.decisions.filter((d) => d.channel === channel).map((d) => (d.state === 'applied' ? d.ms! : capMs)))));
    const aloneOf = (rounds: RoundResult[]) => ms(summarize(rounds.flatMap((r) => r.walks.flatMap((w) => w.decisions.filter((d) => d.state === 'applied').map((d) => d.ms!)))));
    const walkErrors = (r: RoundResult) => tally(r.walks.filter((w) => w.error).map((w) => kindOf(w.error!)));
    const stuck = (r: RoundResult) => tally(r.walks.filter((w) => !w.completed && !w.error).map((w) => kindOf(w.stage)));
    const memory = {
      workerPeakRssMb: roundTo(product.worker!.memory().peakMb, 0),
      apiPeakRssMb: roundTo(product.api!.memory().peakMb, 0),
      bareWorkerPeakRssMb: roundTo(bare.memory().peakMb, 0),
      temporalPeakRssMb: roundTo(memoryOf(ctx.stack.temporalProcess.child.pid).peakMb, 0),
    };
    const roundSummary = (r: RoundResult) => ({
      completed: r.completed, of: r.n, seconds: roundTo(r.seconds, 1), timeCap: r.capped, capSeconds: capMs / 1000,
      completedPerSecond: roundTo(rate(r), 2), failed: walkErrors(r), stuckAt: stuck(r),
      lastCompletionSeconds: roundTo(Math.max(0, ...r.walks.map((w) => (w.completedAtMs ?? 0) / 1000)), 1),
    });
    const http = answers.summary();
    const common = { ours: roundSummary(oursRound), baseline: roundSummary(bareRound), http, ...memory };
    return [
      {
        id: 'lifecycle-completed',
        scenario: 1,
        metric: `initiatives through all 4 gates within ${capMs / 1000} s, ${n} at once`,
        value: oursRound.completed,
        unit: `of ${n}`,
        baseline: bareRound.completed,
        ratio: null,
        goal: `all ${n}`,
        met: oursRound.completed === n,
        details: common,
      },
      {
        id: 'lifecycle-throughput',
        scenario: 1,
        metric: `completed initiatives/s, ${n} at once`,
        value: roundTo(ours, 3),
        unit: '/s',
        baseline: roundTo(baseline, 3),
        ratio: ratio === null ? null : roundTo(ratio, 2),
        goal: 'ratio ≤ 2',
        met: ratio !== null && ratio <= 2,
        details: { ...common, note: 'completed ÷ round seconds (until the last completion, or the cap); ratio = baseline ÷ ours' },
      },
      {
        id: 'decision-latency',
        scenario: 2,
        metric: `p95 decision POST → read model shows the next gate, ${n} at once (unfinished at the cap)`,
        value: roundTo(all.p95, 0),
        unit: 'ms',
        baseline: roundTo(summarize(bareLatency.samples).p95, 0),
        ratio: roundTo(all.p95 / summarize(bareLatency.samples).p95, 2),
        goal: 'p95 < 1000 ms',
        met: all.p95 < 1_000,
        details: {
          all: ms(all), api: byChannel('api'), emailLink: byChannel('email-link'),
          unfinished: oursLatency.unfinished, unfinishedCount: Object.values(oursLatency.unfinished).reduce((a, b) => a + b, 0), countedAtMs: capMs,
          postedOnly: ms(summarize(oursLatency.posted)),
          baseline: { all: ms(summarize(bareLatency.samples)), unfinished: bareLatency.unfinished },
          oneAtATime: { ours: aloneOf(alone), baseline: aloneOf(bareAlone) },
          http,
        },
      },
    ];
  } finally {
    await bare.stop();
    await product.stop();
  }
}

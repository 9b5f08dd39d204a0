// Scenario 3: the console's list queries over a seeded portfolio, through the API and, as the
// baseline, the same query with the raw driver; plus what `explain` says about each.
import { randomUUID } from 'node:crypto';
import type { Db, Document } from 'mongodb';
import { ADMIN, startProduct, type BenchContext } from '../context.js';
import { loggedIn, type HttpClient } from '../http.js';
import { progressBar } from '../progress.js';
import type { ScenarioResult } from '../report.js';
import { seedPortfolio } from '../seed-data.js';
import { round, summarize } from '../stats.js';

interface View {
  name: string;
  filter: Record<string, unknown>;
}

/** The query the API builds for a react-admin list sorted by priority (api/resources/list-query.ts). */
const SORT = { priorityScore: -1, _id: 1 } as const;

async function timed<T>(body: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await body();
  return [performance.now() - started, value];
}

async function viaApi(client: HttpClient, view: View): Promise<number> {
  const query = new URLSearchParams({ filter: JSON.stringify(view.filter), sort: JSON.stringify(['priorityScore', 'DESC']), range: JSON.stringify([0, 24]) });
  const answer = await client.request('GET', `/api/initiatives?${query}`);
  if (answer.status !== 200) throw new Error(`list ${view.name}: ${answer.status} ${answer.text.slice(0, 200)}`);
  return Number(/\/(\d+)$/.exec(answer.headers.get('content-range') ?? '')?.[1] ?? Number.NaN);
}

async function viaDriver(db: Db, view: View): Promise<number> {
  const collection = db.collection('initiatives');
  const [, total] = await Promise.all([collection.find(view.filter).sort(SORT).skip(0).limit(25).toArray(), collection.countDocuments(view.filter)]);
  return total;
}

/** FerretDB answers SQLite's query plan and pushdown flags; MongoDB a winning plan. Both are kept as they come. */
async function explain(db: Db, view: View): Promise<Record<string, unknown>> {
  const find: Document = await db.command({ explain: { find: 'initiatives', filter: view.filter, sort: SORT, limit: 25 }, verbosity: 'queryPlanner' });
  const count: Document = await db.command({ explain: { count: 'initiatives', query: view.filter }, verbosity: 'queryPlanner' });
  // MongoDB names a COLLSCAN stage; SQLite (under FerretDB) says "SCAN <table>" without "USING INDEX".
  const lines = [find, count].flatMap((e) => (Array.isArray(e.queryPlanner?.Plan) ? (e.queryPlanner.Plan as string[]) : []));
  const collectionScan = /COLLSCAN/.test(JSON.stringify([find.queryPlanner, count.queryPlanner])) || lines.some((line) => /\bSCAN \S+\s*$/.test(line));
  return {
    collectionScan,
    find: { plan: find.queryPlanner?.Plan ?? find.queryPlanner?.winningPlan ?? null, filterPushdown: find.filterPushdown, sortPushdown: find.sortPushdown, limitPushdown: find.limitPushdown },
    count: { plan: count.queryPlanner?.Plan ?? count.queryPlanner?.winningPlan ?? null, filterPushdown: count.filterPushdown },
  };
}

export async function runReads(ctx: BenchContext): Promise<ScenarioResult[]> {
  const scale = ctx.options.readScale;
  const product = await startProduct(ctx, 'reads', { api: true, worker: false });
  try {
    const bar = progressBar(`seeding ${scale} initiatives`);
    const seeded = await seedPortfolio(product.db, { initiatives: scale, tag: randomUUID().slice(0, 6), onProgress: (done, total) => bar.update(done, total) });
    bar.done();
    ctx.log(`reads: seeded ${seeded.initiatives} initiatives, ${seeded.benefits} benefits, ${seeded.people} people in ${seeded.seconds.toFixed(0)} s`);
    const admin = await loggedIn(product.api!.baseUrl, ADMIN.email, ADMIN.password);
    const views: View[] = [
      { name: 'by-gate', filter: { gate: 'owner-signoff' } },
      { name: 'stalled', filter: { stalled: true } },
      { name: 'by-goal', filter: { goalIds: seeded.sample.goalId } },
    ];
    const budgetMs = ctx.options.budgets.readsPerView * 1000;
    const apiSamples: number[] = [];
    const rawSamples: number[] = [];
    const perView: Record<string, unknown> = {};
    for (const view of views) {
      const api: number[] = [];
      const raw: number[] = [];
      let totals: [number, number] = [0, 0];
      const started = Date.now();
      // Alternate API and driver so both see the same machine, until the budget is spent (at least
      // one pair: at 100,000 initiatives on FerretDB one list takes tens of seconds).
      for (let pair = 0; pair < 50 && (pair === 0 || Date.now() - started < budgetMs); pair++) {
        const [apiMs, apiTotal] = await timed(() => viaApi(admin, view));
        const [rawMs, rawTotal] = await timed(() => viaDriver(product.db, view));
        api.push(apiMs);
        raw.push(rawMs);
        totals = [apiTotal, rawTotal];
      }
      // The first pair warms caches; drop it when there are enough others.
      if (api.length >= 4) {
        api.shift();
        raw.shift();
      }
      apiSamples.push(...api);
      rawSamples.push(...raw);
      const a = summarize(api);
      const r = summarize(raw);
      perView[view.name] = {
        filter: view.filter, total: totals[0], totalsAgree: totals[0] === totals[1], samples: a.count,
        api: { p50: round(a.p50, 0), p95: round(a.p95, 0) }, driver: { p50: round(r.p50, 0), p95: round(r.p95, 0) },
        explain: await explain(product.db, view),
      };
      ctx.log(`reads: ${view.name}: API p50 ${a.p50.toFixed(0)} ms p95 ${a.p95.toFixed(0)} ms, driver p50 ${r.p50.toFixed(0)} ms p95 ${r.p95.toFixed(0)} ms (${a.count} pairs, total ${totals[0]})`);
    }
    const api = summarize(apiSamples);
    const raw = summarize(rawSamples);
    const scans = Object.entries(perView).filter(([, v]) => (v as { explain: { collectionScan: boolean } }).explain.collectionScan).map(([k]) => k);
    const details = {
      initiatives: scale, benefits: seeded.benefits, people: seeded.people,
      api: { p50: round(api.p50, 0), p95: round(api.p95, 0), p99: round(api.p99, 0) },
      driver: { p50: round(raw.p50, 0), p95: round(raw.p95, 0), p99: round(raw.p99, 0) },
      viewsWithCollectionScan: scans, views: perView, apiPeakRssMb: round(product.api!.memory().peakMb, 0),
    };
    return [
      { id: 'reads-ratio', scenario: 3, metric: `console list p95, API ÷ driver, ${scale} initiatives`, value: round(api.p95, 0), unit: 'ms', baseline: round(raw.p95, 0), ratio: round(api.p95 / raw.p95, 2), goal: 'ratio ≤ 1.3', met: api.p95 / raw.p95 <= 1.3, details },
      { id: 'reads-p95', scenario: 3, metric: `console list p95 over the API, ${scale} initiatives`, value: round(api.p95, 0), unit: 'ms', baseline: round(raw.p95, 0), ratio: round(api.p95 / raw.p95, 2), goal: 'p95 < 50 ms', met: api.p95 < 50, details: { p50: round(api.p50, 0), viewsWithCollectionScan: scans } },
      { id: 'reads-no-collection-scan', scenario: 3, metric: 'list views answered without a collection scan (explain)', value: views.length - scans.length, unit: `of ${views.length}`, baseline: null, ratio: null, goal: `${views.length} of ${views.length}`, met: scans.length === 0, details: { viewsWithCollectionScan: scans } },
    ];
  } finally {
    await product.stop();
  }
}

// Results: one entry per figure and stack, the issue's goals for the default stack beside the
// previous one (each with `met`), a table on stdout, bench/results/latest.json and latest.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Probe } from './scenarios/limits.js';

export interface ScenarioResult {
  id: string;
  /** Which of the issue's goals (1–7) the entry belongs to. */
  scenario: number;
  /** The stack it was measured on: `<temporal>+<database>[+<indexes>]`. */
  stack?: string;
  metric: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  /** ours ÷ baseline in the direction where bigger is worse (time, latency, memory). */
  ratio: number | null;
  goal: string | null;
  met: boolean | null;
  details?: Record<string, unknown>;
}

export interface GoalFigure {
  stack: string;
  value: number | null;
  unit: string;
  met: boolean | null;
  /** What did not finish or failed, said beside the figure. */
  note?: string;
}

export interface Goal {
  id: string;
  goal: string;
  default: GoalFigure | null;
  previous: GoalFigure | null;
}

export interface BenchReport {
  machine: Record<string, unknown>;
  settings: Record<string, unknown>;
  stacks: { default: string; previous: string; measured: string[]; serverLogs: Record<string, unknown> };
  goals: Goal[];
  scenarios: ScenarioResult[];
  limits: Probe[];
  notes: string[];
  /** Answers 5xx over all scenarios and stacks: the bench exits non-zero when above 0. */
  serverErrors: number;
  durationSeconds: number;
  /** Load while the run lasted (1-minute averages sampled at each scenario's end). */
  loadAverages: number[];
}

export function machineInfo(): Record<string, unknown> {
  const cpuList = cpus();
  return {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    freeMemoryGiBAtStart: Number((freemem() / 2 ** 30).toFixed(1)),
    loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
}

const show = (value: number | null | undefined, digits = 2) => (value === null || value === undefined || !Number.isFinite(value) ? '–' : String(Number(value.toFixed(digits))));
const verdict = (met: boolean | null | undefined) => (met === null || met === undefined ? '–' : met ? 'yes' : 'NO');

function rows(report: BenchReport): string[][] {
  return [...report.scenarios]
    .sort((a, b) => a.scenario - b.scenario || (a.stack ?? '').localeCompare(b.stack ?? ''))
    .map((s) => [
      String(s.scenario),
      s.stack ?? '–',
      s.metric,
      `${show(s.value)} ${s.unit}`,
      s.baseline === null ? '–' : `${show(s.baseline)} ${s.unit}`,
      s.ratio === null ? '–' : `${show(s.ratio)}×`,
      s.goal ?? '–',
      verdict(s.met),
    ]);
}

const HEADER = ['#', 'stack', 'metric', 'ours', 'baseline', 'ratio', 'goal', 'met'];

const figure = (f: GoalFigure | null) => (f ? `${show(f.value)} ${f.unit}${f.note ? ` (${f.note})` : ''}` : 'not measured');

function goalRows(report: BenchReport): string[][] {
  return report.goals.map((g) => [g.goal, figure(g.default), verdict(g.default?.met), figure(g.previous), verdict(g.previous?.met)]);
}

export function printTable(report: BenchReport): void {
  const print = (header: string[], body: string[][]) => {
    const all = [header, ...body];
    const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
    const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ');
    console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const r of body) console.log(line(r));
  };
  print(['goal', `default ${report.stacks.default}`, 'met', `previous ${report.stacks.previous}`, 'met'], goalRows(report));
  print(HEADER, rows(report));
  for (const probe of report.limits) console.log(`\nlimits: ${probe.summary}`);
  console.log(`\n5xx answers over the run: ${report.serverErrors}`);
}

export function markdown(report: BenchReport): string {
  const m = report.machine;
  const table = (header: string[], body: string[][]) => [header, header.map(() => '---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const details = [...report.scenarios]
    .map((s) => `- **${s.id}** (${s.stack ?? '–'}): ${Object.entries(s.details ?? {}).map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('; ')}`)
    .join('\n');
  return [
    '# Benchmark results',
    '',
    `${report.settings.mode} run on ${m.date}: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}; load average at start ${JSON.stringify(m.loadAverageAtStart)}, ` +
      `during the run ${JSON.stringify(report.loadAverages)} (1-minute averages at each scenario's end); took ${Math.round(report.durationSeconds)} s.`,
    `Default stack ${report.stacks.default}; previous embedded stack ${report.stacks.previous}; measured ${report.stacks.measured.join(', ')}.`,
    `Answers 5xx over the run: ${report.serverErrors}.`,
    '',
    '## Goals',
    '',
    table(['goal', `default ${report.stacks.default}`, 'met', `previous ${report.stacks.previous}`, 'met'], goalRows(report)),
    '',
    '## Every figure',
    '',
    'Ratio is ours ÷ baseline where bigger is worse; for throughput, baseline ÷ ours.',
    '',
    table(HEADER, rows(report)),
    '',
    '## Limits',
    '',
    report.limits.length ? report.limits.map((p) => `- ${p.summary}`).join('\n') : 'not measured in this run',
    '',
    '## Server logs',
    '',
    '```json\n' + JSON.stringify(report.stacks.serverLogs, null, 2) + '\n```',
    '',
    '## Details',
    '',
    details,
    '',
    ...(report.notes.length ? ['## Notes', '', ...report.notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
}

export function writeReport(dir: string, report: BenchReport): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.md'), markdown(report));
}

/**
 * 5xx answers over scenario results: the results of one scenario run share one `details.http`
 * summary (every answer of that run), so each summary counts once.
 */
export function countServerErrors(results: ScenarioResult[]): number {
  const summaries = new Set(results.map((s) => s.details?.http).filter(Boolean).map((h) => JSON.stringify(h)));
  return [...summaries].reduce((sum, h) => sum + Number((JSON.parse(h) as { serverErrors?: number }).serverErrors ?? 0), 0);
}

/** The issue's goals for one stack, from the scenario results measured on it. */
export function goalsFor(scenarios: ScenarioResult[], stacks: { default: { lifecycle: string; database: string }; previous: { lifecycle: string; database: string } }): Goal[] {
  const find = (id: string, stack: string) => scenarios.find((s) => s.id === id && s.stack === stack) ?? null;
  const note = (s: ScenarioResult | null): string | undefined => {
    if (!s) return undefined;
    const d = s.details ?? {};
    const parts: string[] = [];
    const unfinished = (d as { unfinishedCount?: number }).unfinishedCount;
    if (unfinished) parts.push(`${unfinished} unfinished, counted at the cap`);
    const ours = (d as { ours?: { completed?: number; of?: number; timeCap?: boolean } }).ours;
    if (ours?.timeCap) parts.push(`${ours.completed} of ${ours.of} completed within the cap`);
    const big = (d as { big?: { unfinished?: string[] } }).big;
    if (big?.unfinished?.length) parts.push(`${big.unfinished.length} of the big database's decisions unfinished, counted at the cap`);
    const overCap = (d as { overCap?: number }).overCap;
    if (overCap) parts.push(`${overCap} requests over the cap, counted at it`);
    return parts.length ? parts.join('; ') : undefined;
  };
  const pick = (id: string, which: 'lifecycle' | 'database', valueOf: (s: ScenarioResult) => number | null = (s) => s.value) => (side: 'default' | 'previous'): GoalFigure | null => {
    const stack = stacks[side][which];
    const s = find(id, stack);
    return s ? { stack, value: valueOf(s), unit: id.includes('ratio') || id === 'lifecycle-throughput' || id === 'transition-cost' ? '×' : s.unit, met: s.met, note: note(s) } : null;
  };
  const serverErrors = (side: 'default' | 'previous'): GoalFigure => {
    const mine = scenarios.filter((s) => s.stack === stacks[side].lifecycle || s.stack === stacks[side].database);
    const count = countServerErrors(mine);
    return { stack: `${stacks[side].lifecycle}, ${stacks[side].database}`, value: count, unit: '× 5xx', met: mine.length ? count === 0 : null };
  };
  const goal = (id: string, text: string, f: (side: 'default' | 'previous') => GoalFigure | null): Goal => ({ id, goal: text, default: f('default'), previous: f('previous') });
  return [
    goal('all-complete', '100 at once through all four gates: all complete within the cap', pick('lifecycle-completed', 'lifecycle')),
    goal('decision-p95', 'decision p95 < 1 s (100 at once; unfinished at the cap)', pick('decision-latency', 'lifecycle')),
    goal('throughput-ratio', 'throughput ratio to the honest baseline ≤ 2', pick('lifecycle-throughput', 'lifecycle', (s) => s.ratio)),
    goal('reminder-p99', 'reminder lateness p99 < 2 s, 1,000 due within a minute', pick('escalation-lateness', 'lifecycle')),
    goal('reminders-missing', 'reminders missing: 0', pick('escalation-missing', 'lifecycle')),
    goal('reminders-twice', 'reminders sent twice: 0', pick('escalation-duplicates', 'lifecycle')),
    goal('transition-ratio', 'transition on 100,000 past initiatives ≤ 1.2 × on 100', pick('transition-cost', 'database', (s) => s.ratio)),
    goal('list-p95', 'console list p95 < 200 ms, 10,000 initiatives', pick('list-p95', 'database')),
    goal('list-p95-big', 'console list p95, 100,000 initiatives (report)', pick('list-p95-big', 'database')),
    goal('no-5xx', '0 × 5xx in every scenario', serverErrors),
  ];
}

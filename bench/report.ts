// Results: one entry per goal, a table on stdout, bench/results/latest.json and latest.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

export interface ScenarioResult {
  id: string;
  /** Which of the scenarios (1–5) the entry belongs to. */
  scenario: number;
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

export interface Limits {
  summary: string;
  [key: string]: unknown;
}

export interface BenchReport {
  machine: Record<string, unknown>;
  settings: Record<string, unknown>;
  scenarios: ScenarioResult[];
  limits: Limits | null;
  notes: string[];
  durationSeconds: number;
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

const show = (value: number | null, digits = 2) => (value === null || !Number.isFinite(value) ? '–' : String(Number(value.toFixed(digits))));
const verdict = (met: boolean | null) => (met === null ? '–' : met ? 'yes' : 'NO');

function rows(report: BenchReport): string[][] {
  return report.scenarios.map((s) => [
    String(s.scenario),
    s.id,
    s.metric,
    `${show(s.value)} ${s.unit}`,
    s.baseline === null ? '–' : `${show(s.baseline)} ${s.unit}`,
    s.ratio === null ? '–' : `${show(s.ratio)}×`,
    s.goal ?? '–',
    verdict(s.met),
  ]);
}

const HEADER = ['#', 'id', 'metric', 'ours', 'baseline', 'ratio', 'goal', 'met'];

export function printTable(report: BenchReport): void {
  const all = [HEADER, ...rows(report)];
  const widths = HEADER.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ');
  console.log(`\n${line(HEADER)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows(report)) console.log(line(r));
  if (report.limits) console.log(`\nlimits: ${report.limits.summary}`);
}

export function markdown(report: BenchReport): string {
  const m = report.machine;
  const table = [HEADER, HEADER.map(() => '---'), ...rows(report)].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const details = report.scenarios
    .map((s) => `- **${s.id}**: ${Object.entries(s.details ?? {}).map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('; ')}`)
    .join('\n');
  return [
    '# Benchmark results',
    '',
    `${report.settings.mode} run on ${m.date}: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, load average at start ${JSON.stringify(m.loadAverageAtStart)}; took ${Math.round(report.durationSeconds)} s.`,
    `Temporal dev server SQLite pragmas: ${JSON.stringify(report.settings.sqlitePragmas)}.`,
    '',
    'Ratio is ours ÷ baseline where bigger is worse (time per initiative, latency, memory per workflow).',
    '',
    table,
    '',
    '## Limits',
    '',
    report.limits ? report.limits.summary : 'not measured in this run',
    '',
    report.limits ? '```json\n' + JSON.stringify(report.limits, null, 2) + '\n```' : '',
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

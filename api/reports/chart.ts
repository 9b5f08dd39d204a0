// One benefit's chart as inline SVG for the printable report: baseline and target, the on-track
// line between them (the line domain/benefits.ts measures the band against) and the measurements.
// Static markup, so it prints, survives "save as PDF" and needs no script under the app's CSP.
import { escapeHtml } from '../../domain/text.js';
import type { Formats } from './texts.js';

export interface ChartInput {
  id: string;
  title: string;
  unit: string;
  baseline: number;
  target: number;
  /** Where the on-track line starts: go-live, or the baseline date before it. */
  lineFrom: Date;
  followUpUntil: Date;
  measurements: { value: number; measuredAt: Date }[];
}

export interface ChartWords {
  baseline: string;
  target: string;
  measured: string;
  planLine: string;
  summary: string;
}

const WIDTH = 640;
const HEIGHT = 250;
const PLOT = { left: 64, right: 16, top: 14, bottom: 62 };
const COLORS = { grid: '#d9d9d9', axis: '#4a4a4a', baseline: '#4a4a4a', target: '#1b6b2f', plan: '#8a4b00', measured: '#1a4f8b', text: '#1c1c1c' };

/** About five round steps that enclose `min` and `max`: the axis runs from the first to the last. */
function ticks(min: number, max: number): number[] {
  const raw = (max - min) / 4 || 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw)!;
  const values: number[] = [];
  for (let v = Math.floor(min / step) * step; v < max + step; v += step) {
    values.push(Number(v.toPrecision(12)));
    if (v >= max) break;
  }
  return values;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function benefitChartSvg(chart: ChartInput, words: ChartWords, format: Formats): string {
  const times = [chart.lineFrom, chart.followUpUntil, ...chart.measurements.map((m) => m.measuredAt)].map((d) => d.getTime());
  const values = [chart.baseline, chart.target, ...chart.measurements.map((m) => m.value)];
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const pad = (Math.max(...values) - Math.min(...values)) * 0.08 || Math.abs(chart.baseline) * 0.1 || 1;
  const yTicks = ticks(Math.min(...values) - pad, Math.max(...values) + pad);
  const [v0, v1] = [yTicks[0], yTicks[yTicks.length - 1]];
  const innerWidth = WIDTH - PLOT.left - PLOT.right;
  const innerHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (t: number) => round(PLOT.left + (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * innerWidth));
  const y = (v: number) => round(PLOT.top + (v1 === v0 ? innerHeight / 2 : (1 - (v - v0) / (v1 - v0)) * innerHeight));
  const bottom = PLOT.top + innerHeight;
  const value = (v: number) => escapeHtml(`${format.number(v)} ${chart.unit}`.trim());

  const yAxis = yTicks
    .map((v) => `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(v)}" y2="${y(v)}" stroke="${COLORS.grid}"/><text x="${PLOT.left - 6}" y="${y(v) + 4}" text-anchor="end">${escapeHtml(format.number(v))}</text>`)
    .join('');
  const xAxis = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => t0 + f * (t1 - t0))
    .map((t, i, all) => {
      // The outer labels align inwards so that neither is cut at the edge.
      const anchor = i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle';
      return `<line x1="${x(t)}" x2="${x(t)}" y1="${bottom}" y2="${bottom + 4}" stroke="${COLORS.axis}"/><text x="${x(t)}" y="${bottom + 17}" text-anchor="${anchor}">${escapeHtml(format.month(t))}</text>`;
    })
    .join('');
  // Each label sits at the end the on-track line has left: the baseline's on the right, the target's on the left.
  const reference = (v: number, color: string, label: string, dash: string, at: 'start' | 'end') =>
    `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(v)}" y2="${y(v)}" stroke="${color}" stroke-dasharray="${dash}" stroke-width="1.5"/>` +
    `<text x="${at === 'end' ? WIDTH - PLOT.right - 4 : PLOT.left + 4}" y="${y(v) + (v === v1 || y(v) < PLOT.top + 12 ? 12 : -4)}" text-anchor="${at}">${escapeHtml(label)} ${value(v)}</text>`;
  const points = [...chart.measurements].sort((a, b) => a.measuredAt.getTime() - b.measuredAt.getTime());
  const path = points.map((m) => `${x(m.measuredAt.getTime())},${y(m.value)}`).join(' ');
  const dots = points
    .map((m) => `<circle class="measurement" cx="${x(m.measuredAt.getTime())}" cy="${y(m.value)}" r="4" fill="${COLORS.measured}"><title>${escapeHtml(format.date(m.measuredAt))}: ${value(m.value)}</title></circle>`)
    .join('');
  const legendY = HEIGHT - 14;
  const legend = [
    [words.measured, COLORS.measured, ''],
    [words.planLine, COLORS.plan, '8 4'],
    [words.baseline, COLORS.baseline, '2 4'],
    [words.target, COLORS.target, '6 3'],
  ]
    .map(([label, color, dash], i) => {
      const lx = PLOT.left + i * 140;
      return `<line x1="${lx}" x2="${lx + 24}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${color}" stroke-width="2.5" stroke-dasharray="${dash}"/><text x="${lx + 30}" y="${legendY}">${escapeHtml(label)}</text>`;
    })
    .join('');

  const titleId = `chart-${chart.id}-title`;
  const descId = `chart-${chart.id}-desc`;
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg" font-family="Arial, Helvetica, sans-serif" font-size="11" fill="${COLORS.text}">
<title id="${titleId}">${escapeHtml(chart.title)}</title>
<desc id="${descId}">${escapeHtml(words.summary)}</desc>
<g>${yAxis}</g>
<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${bottom}" y2="${bottom}" stroke="${COLORS.axis}"/>
<g>${xAxis}</g>
${reference(chart.baseline, COLORS.baseline, words.baseline, '2 4', 'end')}
${reference(chart.target, COLORS.target, words.target, '6 3', 'start')}
<line class="plan-line" x1="${x(chart.lineFrom.getTime())}" y1="${y(chart.baseline)}" x2="${x(chart.followUpUntil.getTime())}" y2="${y(chart.target)}" stroke="${COLORS.plan}" stroke-width="2" stroke-dasharray="8 4"/>
${points.length > 1 ? `<polyline class="measured-line" points="${path}" fill="none" stroke="${COLORS.measured}" stroke-width="2.5"/>` : ''}
<g>${dots}</g>
<g>${legend}</g>
</svg>`;
}

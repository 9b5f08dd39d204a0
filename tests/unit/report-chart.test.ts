// The report's inline SVG chart: every measurement inside the plot, axes that enclose the values,
// and text escaped (titles and units come from users).
import { describe, expect, it } from 'vitest';
import { benefitChartSvg } from '../../api/reports/chart.js';
import { formatsFor } from '../../api/reports/texts.js';

const words = { baseline: 'Utgangspunkt', target: 'Mål', measured: 'Målt', planLine: 'Linjen for «i rute»', summary: 'Oppsummering' };
const chart = {
  id: 'b1',
  title: 'Ventetid <i>kort</i>',
  unit: 'dager',
  baseline: 20,
  target: 5,
  lineFrom: new Date('2026-01-01'),
  followUpUntil: new Date('2027-12-31'),
  measurements: [
    { value: 18, measuredAt: new Date('2026-04-01') },
    { value: 12, measuredAt: new Date('2026-10-01') },
    { value: 23, measuredAt: new Date('2026-02-01') },
  ],
};

const numbers = (svg: string, attribute: string) => [...svg.matchAll(new RegExp(`<circle[^>]* ${attribute}="([\\d.]+)"`, 'g'))].map((m) => Number(m[1]));

describe('the benefit chart of the printable report', () => {
  const svg = benefitChartSvg(chart, words, formatsFor('nb'));

  it('draws every measurement in date order inside the plot', () => {
    const xs = numbers(svg, 'cx');
    const ys = numbers(svg, 'cy');
    expect(xs).toHaveLength(3);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    for (const x of xs) expect(x).toBeGreaterThanOrEqual(64);
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(14);
    // 23 is the highest value: the highest point (smallest y).
    expect(Math.min(...ys)).toBe(ys[0]);
  });

  it('has value ticks that enclose baseline, target and every measurement', () => {
    const ticks = [...svg.matchAll(/text-anchor="end">(-?[\d\s]+)<\/text>/g)].map((m) => Number(m[1].replace(/\s/g, '')));
    expect(Math.min(...ticks)).toBeLessThanOrEqual(5);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(23);
  });

  it('is an image with a title and description, and escapes what users wrote', () => {
    expect(svg).toMatch(/^<svg[^>]+role="img" aria-labelledby="chart-b1-title chart-b1-desc"/);
    expect(svg).toContain('<title id="chart-b1-title">Ventetid &lt;i&gt;kort&lt;/i&gt;</title>');
    expect(svg).not.toContain('<i>');
    expect(svg).not.toMatch(/<script|href=/);
  });
});

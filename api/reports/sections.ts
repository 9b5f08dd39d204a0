// The parts of a printable report that both reports share: key figures, a benefit with its chart
// and measurements, the reviews and the decisions of an initiative.
import { escapeHtml } from '../../domain/text.js';
import { realisedValueOf, valueShare, type Tally } from '../../domain/scoreboard.js';
import { benefitChartSvg } from './chart.js';
import type { ReportBenefit, ReportData, ReportInitiative } from './load.js';
import type { Formats, ReportTexts } from './texts.js';

export interface Writer {
  t: ReportTexts;
  f: Formats;
  personName: ReportData['personName'];
}

const e = (text: unknown) => escapeHtml(String(text ?? ''));
const heading = (level: number, text: string, extra = '') => `<h${level}${extra}>${text}</h${level}>`;
/** Terms and their values (already HTML). */
export const facts = (rows: [string, string][]) => `<dl class="facts">${rows.map(([term, value]) => `<dt>${e(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;
/** A table; a caption that only repeats the heading above it is there for screen readers alone. */
const table = (caption: string, head: string[], rows: string[][], { numeric = [] as number[], repeatsHeading = false } = {}) =>
  `<table><caption${repeatsHeading ? ' class="visually-hidden"' : ''}>${e(caption)}</caption><thead><tr>${head.map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="number"' : ''}>${e(h)}</th>`).join('')}</tr></thead>` +
  `<tbody>${rows.map((row) => `<tr>${row.map((cell, i) => `<td${numeric.includes(i) ? ' class="number"' : ''}>${cell}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

/** The figures the scoreboards show, for the benefits in the report. */
export function keyFigures({ t, f }: Writer, tally: Tally): string {
  const share = valueShare(tally);
  const figures: [string, string][] = [
    [t.benefits, f.number(tally.benefits)],
    [t.realised, f.number(tally.realised)],
    [t.band['on-track'], f.number(tally.onTrack)],
    [t.band.watch, f.number(tally.watch)],
    [t.band['off-track'], f.number(tally.offTrack)],
    [t.notMeasured, f.number(tally.notMeasured)],
    [t.overdue, f.number(tally.overdue)],
    [t.plannedValue, f.nok(tally.plannedValuePerYear)],
    [t.realisedValue, f.nok(tally.realisedValuePerYear)],
    [t.valueShare, share === null ? e(t.notValued) : f.percent(share)],
  ];
  return `<dl class="figures" data-testid="key-figures">${figures.map(([term, value]) => `<div><dt>${e(term)}</dt><dd>${e(value)}</dd></div>`).join('')}</dl>`;
}

export const bandBadge = ({ t }: Writer, band: string | null | undefined) =>
  `<span class="band band-${band && t.band[band] ? band : 'none'}">${e(band && t.band[band] ? t.band[band] : t.notMeasured)}</span>`;

function benefitSection(w: Writer, benefit: ReportBenefit, level: number): string {
  const { t, f } = w;
  const id = String(benefit._id);
  const amount = (v: number) => e(`${f.number(v)} ${benefit.unit}`.trim());
  const latest = benefit.measurements.at(-1);
  const realisedValue = realisedValueOf(benefit);
  const harvest = benefit.harvest;
  const rows: [string, string][] = [
    [t.categoryLabel, e(t.category[benefit.category] ?? benefit.category)],
    [t.indicator, e(benefit.indicator) + (benefit.dataSource ? ` (${e(t.dataSource.toLowerCase())}: ${e(benefit.dataSource)})` : '')],
    [t.baseline, `${amount(benefit.baseline)} (${e(f.date(benefit.baselineDate))})`],
    [t.target, `${amount(benefit.target)} ${e(t.by)} ${e(f.date(benefit.followUpUntil))}`],
    [t.latest, latest ? `${amount(latest.value)} (${e(f.date(latest.measuredAt))})` : e(t.notMeasured)],
    [t.achievement, benefit.achievement == null ? '–' : e(f.percent(benefit.achievement))],
    [t.benefitOwner, e(w.personName(benefit.ownerId))],
    [t.plannedValue, benefit.valuePerYear == null ? e(t.notValued) : e(f.nok(benefit.valuePerYear))],
    [t.realisedValue, realisedValue == null ? e(t.notValued) : e(f.nok(realisedValue))],
  ];
  if (harvest?.how || benefit.realised) {
    rows.push([
      t.harvest,
      harvest?.how
        ? `${e(t.harvestHow[harvest.how] ?? harvest.how)}${harvest.note ? ` – ${e(harvest.note)}` : ''} (${e(w.personName(harvest.byId))}${harvest.at ? `, ${e(f.date(harvest.at))}` : ''})`
        : e(t.harvestNone),
    ]);
  }
  const chart = benefitChartSvg(
    {
      id,
      title: benefit.title,
      unit: benefit.unit,
      baseline: benefit.baseline,
      target: benefit.target,
      lineFrom: benefit.followUpStartedAt ?? benefit.baselineDate,
      followUpUntil: benefit.followUpUntil,
      measurements: benefit.measurements,
    },
    { baseline: t.baseline, target: t.target, measured: t.measured, planLine: t.planLine, summary: t.chartSummary(benefit.title, benefit.measurements.length) },
    f,
  );
  const measurements = benefit.measurements.length
    ? table(`${t.measurements}: ${benefit.title}`, [t.date, t.value, t.note], benefit.measurements.map((m) => [e(f.date(m.measuredAt)), amount(m.value), e(m.note)]), { numeric: [1] })
    : `<p>${e(t.noMeasurements)}</p>`;
  return `<article class="benefit" data-testid="benefit-${id}" data-band="${e(benefit.band ?? 'none')}">
${heading(level, `${e(benefit.title)} ${bandBadge(w, benefit.band)}${benefit.realised ? ` <span class="band band-realised">${e(t.realised)}</span>` : ''}`)}
${facts(rows)}
<figure>${chart}<figcaption>${e(t.chartSummary(benefit.title, benefit.measurements.length))}</figcaption></figure>
${measurements}
</article>`;
}

const conditionText = (condition: unknown) => (typeof condition === 'string' ? condition : String((condition as { text?: unknown })?.text ?? ''));

/** An initiative's benefits, reviews and decisions, with section headings at `level`. */
export function initiativeSections(w: Writer, entry: ReportInitiative, level: number): string {
  const { t, f } = w;
  const benefits = entry.benefits.length ? entry.benefits.map((b) => benefitSection(w, b, level + 1)).join('\n') : `<p>${e(t.noBenefits)}</p>`;
  const reviews = entry.reviews.length
    ? table(
        t.reviews,
        [t.dueAt, t.statusLabel, t.decision, t.note, t.decidedBy, t.at],
        entry.reviews.map((r) => [
          r.dueAt ? e(f.date(r.dueAt)) : '–',
          e(t.reviewStatus[r.status ?? ''] ?? r.status ?? ''),
          e(r.decision ? t.reviewDecision[r.decision] ?? r.decision : '–'),
          e(r.note),
          r.byId ? e(w.personName(r.byId)) : '–',
          r.at ? e(f.date(r.at)) : '–',
        ]),
        { repeatsHeading: true },
      )
    : `<p>${e(t.noReviews)}</p>`;
  const decisions = entry.decisions.length
    ? table(
        t.decisions,
        [t.at, t.gate, t.decision, t.note, t.conditions, t.decidedBy],
        entry.decisions.map((d) => [
          e(f.date(d.at)),
          e(`${t.gates[d.gate] ?? d.gate}${d.step === 'confirmation' ? ` (${t.confirmation})` : ''}`),
          e(t.decisionKind[d.decision] ?? d.decision),
          e(d.comment),
          d.conditions.length ? `<ul>${d.conditions.map((c) => `<li>${e(conditionText(c))}</li>`).join('')}</ul>` : '',
          e(w.personName(d.byId)),
        ]),
        { repeatsHeading: true },
      )
    : `<p>${e(t.noDecisions)}</p>`;
  return `<section data-testid="benefits">${heading(level, e(t.benefits))}
${benefits}</section>
<section data-testid="reviews">${heading(level, e(t.reviews))}
${reviews}</section>
<section data-testid="decisions">${heading(level, e(t.decisions))}
${decisions}</section>`;
}

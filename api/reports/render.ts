// The printable benefit realisation reports as whole HTML documents: one per initiative, one per
// service owner (what they bring to the annual report). Print styles make an A4 page or a PDF.
import { tallyOf } from '../../domain/scoreboard.js';
import { escapeHtml } from '../../domain/text.js';
import type { Locale } from '../../domain/types.js';
import { htmlDocument } from '../pages/layout.js';
import type { ReportData, ReportInitiative } from './load.js';
import { facts, initiativeSections, keyFigures, type Writer } from './sections.js';
import { REPORT_TEXTS, formatsFor } from './texts.js';

const STYLE = `
  body { font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; background: #ffffff; line-height: 1.45; margin: 0; }
  main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
  .kicker { text-transform: uppercase; letter-spacing: .05em; color: #3d3d3d; font-size: .85rem; margin: 0; }
  h1 { font-size: 1.7rem; margin: .2rem 0 .8rem; }
  h2 { font-size: 1.3rem; border-bottom: 2px solid #0b5394; padding-bottom: .2rem; margin-top: 2rem; }
  h3, h4 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
  dl.facts dt { font-weight: bold; }
  dl.facts dd { margin: 0; }
  dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: .5rem; margin: .5rem 0; }
  dl.figures div { border: 1px solid #b0b0b0; border-radius: 4px; padding: .4rem .7rem; }
  dl.figures dt { font-size: .85rem; color: #3d3d3d; }
  dl.figures dd { margin: 0; font-size: 1.2rem; font-weight: bold; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
  caption { text-align: left; font-weight: bold; padding: .25rem 0; }
  th, td { border-bottom: 1px solid #b0b0b0; padding: .3rem .5rem; text-align: left; vertical-align: top; }
  .number { text-align: right; }
  td ul { margin: 0; padding-left: 1.1rem; }
  .band { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: .8rem; font-weight: bold; border: 1px solid; vertical-align: middle; }
  .band-on-track, .band-realised { background: #e6f4ea; color: #14532d; border-color: #1b6b2f; }
  .band-watch { background: #fff4e0; color: #6b3a00; border-color: #8a4b00; }
  .band-off-track { background: #fbeaea; color: #8a1010; border-color: #a50e0e; }
  .band-none { background: #f0f0f0; color: #3d3d3d; border-color: #6b6b6b; }
  .benefit + .benefit { border-top: 1px solid #b0b0b0; margin-top: 1.5rem; }
  figure { margin: .5rem 0; }
  figcaption { font-size: .85rem; color: #3d3d3d; }
  svg.chart { max-width: 44rem; display: block; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .hint { border-left: 6px solid #0b5394; background: #eef4fa; padding: .5rem .75rem; }
  .initiative { margin-top: 2.5rem; }
  @page { size: A4; margin: 15mm 14mm; }
  @media print {
    body { font-size: 10pt; }
    main { max-width: none; padding: 0; }
    .hint { display: none; }
    .benefit, figure, tr, dl.figures div { break-inside: avoid; }
    h2, h3, h4 { break-after: avoid; }
    .initiative { break-before: page; }
    * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  }
`;

export interface RenderOptions {
  locale: Locale;
  now: Date;
}

function frame(locale: Locale, title: string, now: Date, lead: string, content: string): string {
  const t = REPORT_TEXTS[locale];
  const generated = `${t.generated} ${formatsFor(locale).date(now)}`;
  return htmlDocument(
    locale,
    title,
    STYLE,
    `<main id="main">
<p class="kicker">${escapeHtml(t.kicker)}</p>
<h1>${escapeHtml(title)}</h1>
${lead}
<p>${escapeHtml(generated)}</p>
<p class="hint">${escapeHtml(t.printHint)}</p>
${content}
</main>`,
  );
}

function initiativeFacts(w: Writer, entry: ReportInitiative): string {
  const { t } = w;
  const { initiative } = entry;
  const rows: [string, string][] = [
    [t.service, entry.serviceName ?? '–'],
    [t.serviceOwner, w.personName(initiative.serviceOwnerId)],
    [t.projectManager, w.personName(initiative.projectManagerId)],
    [t.position, `${t.gates[initiative.gate] ?? initiative.gate} · ${t.status[initiative.status] ?? initiative.status}`],
    [t.goals, entry.goals.map((g) => `${g.code} – ${g.title}`).join('; ') || '–'],
  ];
  return facts(rows.map(([term, value]) => [term, escapeHtml(value)]));
}

const writerFor = (data: ReportData, locale: Locale): Writer => ({ t: REPORT_TEXTS[locale], f: formatsFor(locale), personName: data.personName });

export function renderInitiativeReport(data: ReportData, { locale, now }: RenderOptions): string {
  const w = writerFor(data, locale);
  const [entry] = data.initiatives;
  const figures = `<section data-testid="summary"><h2>${escapeHtml(w.t.summary)}</h2>${keyFigures(w, tallyOf(entry.benefits, now.getTime()))}</section>`;
  return frame(locale, entry.initiative.title, now, initiativeFacts(w, entry), `${figures}\n${initiativeSections(w, entry, 2)}`);
}

export function renderOwnerReport(data: ReportData, person: { name: string; unit?: string | null }, { locale, now }: RenderOptions): string {
  const w = writerFor(data, locale);
  const { t } = w;
  const benefits = data.initiatives.flatMap((entry) => entry.benefits);
  const lead = `<p>${escapeHtml(t.ownerIntro(person.name, data.initiatives.length))}${person.unit ? ` ${escapeHtml(t.unit)}: ${escapeHtml(person.unit)}.` : ''}</p>`;
  const figures = `<section data-testid="summary"><h2>${escapeHtml(t.summary)}</h2>${keyFigures(w, tallyOf(benefits, now.getTime()))}</section>`;
  const initiatives = data.initiatives
    .map(
      (entry) => `<section class="initiative" data-testid="initiative-${String(entry.initiative._id)}">
<h2>${escapeHtml(entry.initiative.title)}</h2>
${initiativeFacts(w, entry)}
${initiativeSections(w, entry, 3)}
</section>`,
    )
    .join('\n');
  return frame(locale, t.ownerTitle(person.name), now, lead, `${figures}\n${initiatives || `<p>${escapeHtml(t.noBenefits)}</p>`}`);
}

// The form behind a measurement-request link: value, date and a note.
import { escapeHtml, page, type PageLocale } from './layout.js';

const W = {
  nb: {
    title: 'Rapporter måling',
    initiative: 'Tiltak',
    benefit: 'Gevinst',
    indicator: 'Indikator',
    baseline: 'Utgangspunkt',
    target: 'Mål',
    value: (unit: string) => `Målt verdi (${unit})`,
    date: 'Målt dato',
    note: 'Kommentar (valgfri)',
    submit: 'Send målingen',
    safe: 'Ingenting er registrert ennå. Målingen registreres først når du trykker på knappen.',
    recorded: 'Takk – målingen er registrert',
    recordedBody: (v: string) => `Vi har registrert ${v}. Du kan lukke denne siden.`,
    badValue: 'Skriv inn et tall, for eksempel 42 eller 12,5.',
    badDate: 'Skriv inn en gyldig dato som ikke er fram i tid.',
  },
  en: {
    title: 'Report a measurement',
    initiative: 'Initiative',
    benefit: 'Benefit',
    indicator: 'Indicator',
    baseline: 'Baseline',
    target: 'Target',
    value: (unit: string) => `Measured value (${unit})`,
    date: 'Date measured',
    note: 'Comment (optional)',
    submit: 'Send the measurement',
    safe: 'Nothing has been recorded yet. The measurement is recorded only when you press the button.',
    recorded: 'Thank you – the measurement is recorded',
    recordedBody: (v: string) => `We recorded ${v}. You can close this page.`,
    badValue: 'Enter a number, for example 42 or 12.5.',
    badDate: 'Enter a valid date that is not in the future.',
  },
};

export const measurementWords = (locale: PageLocale) => W[locale];

export interface MeasurementFormModel {
  locale: PageLocale;
  initiativeTitle: string;
  benefit: { title: string; indicator: string; unit: string; baseline: number; target: number };
  today: string;
  error?: string;
}

export function measurementForm(m: MeasurementFormModel): string {
  const w = W[m.locale];
  const b = m.benefit;
  return page(m.locale, w.title, `
<h1>${w.title}</h1>
<dl>
  <dt>${w.initiative}</dt><dd>${escapeHtml(m.initiativeTitle)}</dd>
  <dt>${w.benefit}</dt><dd>${escapeHtml(b.title)}</dd>
  <dt>${w.indicator}</dt><dd>${escapeHtml(b.indicator)}</dd>
  <dt>${w.baseline}</dt><dd>${b.baseline} ${escapeHtml(b.unit)}</dd>
  <dt>${w.target}</dt><dd>${b.target} ${escapeHtml(b.unit)}</dd>
</dl>
${m.error ? `<p class="problem" role="alert">${escapeHtml(m.error)}</p>` : ''}
<form method="post">
  <label for="value">${escapeHtml(w.value(b.unit))}</label>
  <input id="value" name="value" type="text" inputmode="decimal" required autocomplete="off">
  <label for="measuredAt">${w.date}</label>
  <input id="measuredAt" name="measuredAt" type="date" value="${m.today}" max="${m.today}" required>
  <label for="note">${w.note}</label>
  <textarea id="note" name="note" rows="3" maxlength="2000"></textarea>
  <p class="notice">${w.safe}</p>
  <button type="submit">${w.submit}</button>
</form>`);
}

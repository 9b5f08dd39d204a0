// The forms behind the round-2 links: a plan change for the service owner, a benefit review for
// governance, a unit's readiness for a change agent, and a comment for an enthusiast.
import { escapeHtml, page, type PageLocale } from './layout.js';

const W = {
  nb: {
    initiative: 'Tiltak',
    benefit: 'Gevinst',
    safe: 'Ingenting er registrert ennå. Svaret registreres først når du trykker på knappen.',
    submit: 'Send svaret',
    comment: 'Kommentar (valgfri)',
    planTitle: 'Endring i gevinstplanen',
    planLead: 'Du godtok gevinstplanen ved eierskapsbeslutningen. Endringen gjelder først når du godtar den.',
    operations: { update: 'Endring', create: 'Ny gevinst', delete: 'Gevinsten tas ut av planen' } as Record<string, string>,
    reason: 'Begrunnelse',
    field: 'Felt',
    from: 'Godtatt',
    to: 'Foreslått',
    accept: 'Godta endringen',
    refuse: 'Avvis endringen (den godtatte planen gjelder)',
    reviewTitle: 'Gevinstgjennomgang',
    reviewLead: 'Se hvordan gevinstene ligger an, og bestem hvordan oppfølgingen går videre.',
    reviewChoices: {
      continue: 'Fortsett oppfølgingen som planlagt',
      adjust: 'Juster målet for én gevinst (tjenesteeieren godtar endringen)',
      'close-realised': 'Avslutt: gevinstene er realisert',
      'close-abandoned': 'Avslutt: gevinstene kan ikke oppnås (begrunn)',
    } as Record<string, string>,
    adjustBenefit: 'Gevinst som får nytt mål',
    newTarget: 'Nytt mål',
    note: 'Notat (påkrevd når dere avslutter uten å ha nådd målene)',
    bands: { 'on-track': 'i rute', watch: 'følg med', 'off-track': 'avvik' } as Record<string, string>,
    latest: 'siste',
    realised: 'realisert',
    readinessTitle: 'Er enheten din klar?',
    readinessLead: 'Svar for enheten din. Prosjektlederen og tjenesteeieren ser svaret; tjenesteeieren ser det når hen bekrefter at tjenesten er i drift.',
    unit: 'Enhet',
    ready: 'Klar for den nye måten å jobbe på',
    notReady: 'Ikke klar ennå',
    readinessNote: 'Hva mangler, eller hva har dere gjort? (valgfritt)',
    commentTitle: 'Ditt innspill',
    commentLead: 'Innspillet ditt vises for dem som beslutter, sammen med tiltaket.',
    commentText: 'Innspill',
    recordedTitle: 'Takk – svaret er registrert',
    recordedBody: 'Du kan lukke denne siden.',
    badChoice: 'Velg ett av alternativene.',
    badTarget: 'Velg gevinsten og skriv inn det nye målet som et tall.',
    needNote: 'Skriv hvorfor gevinstene ikke kan oppnås.',
    needText: 'Skriv innspillet ditt.',
    needUnit: 'Skriv hvilken enhet du svarer for.',
  },
  en: {
    initiative: 'Initiative',
    benefit: 'Benefit',
    safe: 'Nothing has been recorded yet. Your answer is recorded only when you press the button.',
    submit: 'Send your answer',
    comment: 'Comment (optional)',
    planTitle: 'Change to the benefit plan',
    planLead: 'You accepted the benefit plan at owner sign-off. The change applies only when you accept it.',
    operations: { update: 'Change', create: 'New benefit', delete: 'The benefit leaves the plan' } as Record<string, string>,
    reason: 'Reason',
    field: 'Field',
    from: 'Accepted',
    to: 'Proposed',
    accept: 'Accept the change',
    refuse: 'Reject the change (the accepted plan stands)',
    reviewTitle: 'Benefit review',
    reviewLead: 'See how the benefits are doing, and decide how follow-up goes on.',
    reviewChoices: {
      continue: 'Continue follow-up as planned',
      adjust: "Adjust one benefit's target (the service owner accepts the change)",
      'close-realised': 'Close: the benefits are realised',
      'close-abandoned': 'Close: the benefits cannot be achieved (give the reason)',
    } as Record<string, string>,
    adjustBenefit: 'Benefit that gets a new target',
    newTarget: 'New target',
    note: 'Note (required when closing without reaching the targets)',
    bands: { 'on-track': 'on track', watch: 'watch', 'off-track': 'off track' } as Record<string, string>,
    latest: 'latest',
    realised: 'realised',
    readinessTitle: 'Is your unit ready?',
    readinessLead: 'Answer for your unit. The project manager and the service owner see it; the service owner sees it when confirming the service is live.',
    unit: 'Unit',
    ready: 'Ready for the new way of working',
    notReady: 'Not ready yet',
    readinessNote: 'What is missing, or what have you done? (optional)',
    commentTitle: 'Your view',
    commentLead: 'Your view is shown to the people who decide, with the initiative.',
    commentText: 'Your view',
    recordedTitle: 'Thank you – your answer is recorded',
    recordedBody: 'You can close this page.',
    badChoice: 'Choose one of the options.',
    badTarget: 'Choose the benefit and enter the new target as a number.',
    needNote: 'Say why the benefits cannot be achieved.',
    needText: 'Write your view.',
    needUnit: 'Say which unit you answer for.',
  },
};

export const governanceWords = (locale: PageLocale) => W[locale];

const problem = (error?: string) => (error ? `<p class="problem" role="alert">${escapeHtml(error)}</p>` : '');
const radios = (name: string, choices: [string, string][]) =>
  choices.map(([value, label], i) => `<label><input type="radio" name="${name}" value="${escapeHtml(value)}" ${i === 0 ? 'required' : ''}> ${escapeHtml(label)}</label>`).join('\n');

function form(locale: PageLocale, title: string, lead: string, facts: string, fields: string, error?: string): string {
  const w = W[locale];
  return page(locale, title, `
<h1>${escapeHtml(title)}</h1>
<p class="notice"><strong>${escapeHtml(lead)}</strong></p>
${facts}
${problem(error)}
<form method="post">
${fields}
  <p class="notice">${w.safe}</p>
  <button type="submit">${w.submit}</button>
</form>`);
}

export interface PlanChangeModel {
  locale: PageLocale;
  initiativeTitle: string;
  benefitTitle: string;
  operation: string;
  changes: { field: string; from: string; to: string }[];
  reason: string;
  error?: string;
}

export function planChangeForm(m: PlanChangeModel): string {
  const w = W[m.locale];
  const rows = m.changes.map((c) => `<tr><td>${escapeHtml(c.field)}</td><td>${escapeHtml(c.from)}</td><td>${escapeHtml(c.to)}</td></tr>`).join('');
  const facts = `<dl><dt>${w.initiative}</dt><dd>${escapeHtml(m.initiativeTitle)}</dd><dt>${w.benefit}</dt><dd>${escapeHtml(m.benefitTitle)} (${escapeHtml(w.operations[m.operation] ?? m.operation)})</dd>${m.reason ? `<dt>${w.reason}</dt><dd>${escapeHtml(m.reason)}</dd>` : ''}</dl>
${rows ? `<table><thead><tr><th scope="col">${w.field}</th><th scope="col">${w.from}</th><th scope="col">${w.to}</th></tr></thead><tbody>${rows}</tbody></table>` : ''}`;
  const fields = `<fieldset><legend>${w.planTitle}</legend>${radios('decision', [['approve', w.accept], ['reject', w.refuse]])}</fieldset>
  <label for="comment">${w.comment}</label><textarea id="comment" name="comment" rows="3" maxlength="2000"></textarea>`;
  return form(m.locale, w.planTitle, w.planLead, facts, fields, m.error);
}

export interface ReviewModel {
  locale: PageLocale;
  initiativeTitle: string;
  benefits: { id: string; title: string; unit: string; baseline: number; target: number; latest: number | null; band: string | null; realised: boolean }[];
  error?: string;
}

export function reviewForm(m: ReviewModel): string {
  const w = W[m.locale];
  const items = m.benefits.map((b) => `<li>${escapeHtml(b.title)}: ${b.baseline} → ${b.target} ${escapeHtml(b.unit)}; ${w.latest} ${b.latest ?? '–'} (${escapeHtml(b.realised ? w.realised : w.bands[b.band ?? ''] ?? '–')})</li>`).join('');
  const facts = `<dl><dt>${w.initiative}</dt><dd>${escapeHtml(m.initiativeTitle)}</dd></dl><ul>${items}</ul>`;
  const benefitOptions = m.benefits.map((b) => `<option value="${b.id}">${escapeHtml(b.title)}</option>`).join('');
  const fields = `<fieldset><legend>${w.reviewTitle}</legend>${radios('decision', Object.entries(w.reviewChoices))}</fieldset>
  <label for="benefitId">${w.adjustBenefit}</label><select id="benefitId" name="benefitId"><option value=""></option>${benefitOptions}</select>
  <label for="target">${w.newTarget}</label><input id="target" name="target" type="text" inputmode="decimal" autocomplete="off">
  <label for="note">${w.note}</label><textarea id="note" name="note" rows="3" maxlength="4000"></textarea>`;
  return form(m.locale, w.reviewTitle, w.reviewLead, facts, fields, m.error);
}

export interface InitiativeLinkModel {
  locale: PageLocale;
  initiativeTitle: string;
  gate: string;
  unit: string;
  error?: string;
}

export function readinessForm(m: InitiativeLinkModel): string {
  const w = W[m.locale];
  const fields = `<label for="unit">${w.unit}</label><input id="unit" name="unit" type="text" value="${escapeHtml(m.unit)}" required maxlength="200">
  <fieldset><legend>${w.readinessTitle}</legend>${radios('status', [['ready', w.ready], ['not-ready', w.notReady]])}</fieldset>
  <label for="note">${w.readinessNote}</label><textarea id="note" name="note" rows="3" maxlength="2000"></textarea>`;
  return form(m.locale, w.readinessTitle, w.readinessLead, `<dl><dt>${w.initiative}</dt><dd>${escapeHtml(m.initiativeTitle)}</dd></dl>`, fields, m.error);
}

export function commentForm(m: InitiativeLinkModel): string {
  const w = W[m.locale];
  const fields = `<label for="text">${w.commentText}</label><textarea id="text" name="text" rows="5" maxlength="4000" required></textarea>`;
  return form(m.locale, w.commentTitle, w.commentLead, `<dl><dt>${w.initiative}</dt><dd>${escapeHtml(m.initiativeTitle)}</dd></dl>`, fields, m.error);
}

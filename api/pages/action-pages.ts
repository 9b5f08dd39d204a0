// The pages behind an emailed action link: a confirmation form (GET), a result (POST), and the
// clear "no longer valid" pages for used, expired and unknown links.
import { formatDateTime, GATE_NAMES } from '../../domain/gate-names.js';
import { escapeHtml, page, type PageLocale } from './layout.js';

const W = {
  nb: {
    decisionTitle: 'Din beslutning',
    asks: {
      'goal-alignment': 'Støtter tiltaket kommunens strategiske mål? Godkjenn, avvis eller send tilbake.',
      'owner-signoff': 'Som tjenesteeier blir du endringseier: godta eierskapet og gevinstplanen under, avvis, eller send tilbake.',
      confirmation: 'Prosjektlederen melder at gjennomføringen er ferdig. Bekreft at tjenesten nå drives på den nye måten.',
    } as Record<string, string>,
    confirmationTitle: 'Bekreft at tjenesten er i drift',
    initiative: 'Tiltak',
    service: 'Tjeneste',
    gate: 'Beslutningspunkt',
    goals: 'Strategiske mål',
    benefits: 'Gevinstplan (nytte) du godtar',
    choose: 'Velg',
    approve: 'Godkjenn',
    confirm: 'Bekreft at tjenesten er i drift',
    reject: 'Avvis (tiltaket avsluttes)',
    revise: 'Send tilbake til prosjektleder for revisjon',
    comment: 'Kommentar (valgfri)',
    submit: 'Send beslutningen',
    safe: 'Ingenting er registrert ennå. Beslutningen registreres først når du trykker på knappen.',
    recorded: 'Takk – beslutningen er registrert',
    recordedBody: (d: string) => `Vi har registrert: ${d}. Du kan lukke denne siden.`,
    usedTitle: 'Lenken er allerede brukt',
    usedBody: (what: string, when: string) => `Denne lenken ble brukt ${when}: ${what}. Ingenting er endret nå.`,
    closedTitle: 'Saken er allerede avgjort',
    closedBody: (why: string, when: string) => `Beslutningspunktet ble avgjort ${when} (${why}). Lenken gjelder ikke lenger, og ingenting er endret.`,
    expiredTitle: 'Lenken er utløpt',
    expiredBody: 'Lenken er ikke gyldig lenger. Be prosjektlederen eller en administrator om en ny forespørsel.',
    unknownTitle: 'Ukjent lenke',
    unknownBody: 'Vi finner ikke denne lenken. Sjekk at hele adressen fra e-posten er med.',
    invalidChoice: 'Velg ett av alternativene.',
    unavailableTitle: 'Prøv igjen om litt',
    unavailableBody: 'Tjenesten svarer ikke akkurat nå. Ingenting er registrert. Prøv lenken igjen om noen minutter.',
    decisions: { approve: 'godkjent', reject: 'avvist', revise: 'sendt tilbake til revisjon', hold: 'satt på vent' } as Record<string, string>,
    missingTitle: 'Noe mangler før du kan godkjenne',
    missingBody: 'Ingenting er registrert, og lenken virker fortsatt. Prosjektlederen må rette dette først:',
    missing: {
      benefits: 'Tiltaket har ingen gevinstplan ennå (minst én gevinst).',
      goalLinks: 'Tiltaket er ikke knyttet til et aktivt strategisk mål med bidrag og begrunnelse.',
      changeAgentIds: 'Tiltaket har ingen endringsagent ennå.',
      conditions: 'Vilkår fra et tidligere vedtak er ikke oppfylt eller frafalt ennå.',
    } as Record<string, string>,
    hold: 'Sett på vent til en dato (du blir spurt igjen da)',
    holdUntil: 'På vent til',
    conditions: 'Vilkår for godkjenningen (ett per linje, valgfritt) – prosjektlederen følger dem opp',
    badHold: 'Velg en dato fram i tid for ventetiden.',
    basis: 'Beslutningsunderlag',
    problem: 'Behov eller problem',
    cost: 'Kostnadsanslag',
    costText: (investment: string, running: string) => `${investment} kr i investering, ${running} kr i året i drift`,
    risk: 'Risiko',
    alternatives: 'Alternativer som er vurdert',
    dpia: 'Personvernkonsekvensvurdering (DPIA)',
    dpiaStates: { 'not-needed': 'ikke nødvendig', needed: 'nødvendig, ikke gjort', done: 'gjennomført' } as Record<string, string>,
    riskLevels: { low: 'lav', medium: 'middels', high: 'høy' } as Record<string, string>,
    documents: 'Dokumenter',
    changedSince: 'Endret siden sist',
    comments: 'Innspill fra ildsjeler og andre',
    checklist: 'Sjekkliste for beslutningspunktet',
    checklistStates: { open: 'åpent', done: 'gjort', 'not-relevant': 'ikke relevant' } as Record<string, string>,
    openConditions: 'Åpne vilkår fra tidligere vedtak',
    readiness: 'Klarhet i enhetene',
    readinessStates: { ready: 'klar', 'not-ready': 'ikke klar' } as Record<string, string>,
    staleTitle: 'Lenken gjelder ikke lenger',
    staleBody: (why: string) => `Beslutningspunktet har endret seg siden e-posten ble sendt (${why}). Ingenting er endret. Bruk lenken i den nyeste e-posten.`,
    endedTitle: 'Oppfølgingen er avsluttet',
    endedBody: 'Denne gevinsten eller tiltaket følges ikke opp lenger, så lenken virker ikke. Ingenting er endret.',
  },
  en: {
    decisionTitle: 'Your decision',
    asks: {
      'goal-alignment': "Does the initiative serve the municipality's strategic goals? Approve, reject or send it back.",
      'owner-signoff': 'As service owner you become the change owner: accept ownership and the benefit plan below, reject, or send it back.',
      confirmation: 'The project manager reports that implementation is done. Confirm that the service now runs the new way.',
    } as Record<string, string>,
    confirmationTitle: 'Confirm that the service is live',
    initiative: 'Initiative',
    service: 'Service',
    gate: 'Decision point',
    goals: 'Strategic goals',
    benefits: 'Benefit plan you accept',
    choose: 'Choose',
    approve: 'Approve',
    confirm: 'Confirm that the service is live',
    reject: 'Reject (the initiative ends)',
    revise: 'Send back to the project manager for revision',
    comment: 'Comment (optional)',
    submit: 'Send the decision',
    safe: 'Nothing has been recorded yet. The decision is recorded only when you press the button.',
    recorded: 'Thank you – your decision is recorded',
    recordedBody: (d: string) => `We recorded: ${d}. You can close this page.`,
    usedTitle: 'This link has already been used',
    usedBody: (what: string, when: string) => `This link was used ${when}: ${what}. Nothing has changed now.`,
    closedTitle: 'This has already been decided',
    closedBody: (why: string, when: string) => `The decision point was settled ${when} (${why}). The link no longer works and nothing has changed.`,
    expiredTitle: 'This link has expired',
    expiredBody: 'The link is no longer valid. Ask the project manager or an administrator for a new request.',
    unknownTitle: 'Unknown link',
    unknownBody: 'We cannot find this link. Check that the whole address from the email is included.',
    invalidChoice: 'Choose one of the options.',
    unavailableTitle: 'Please try again shortly',
    unavailableBody: 'The service is not answering right now. Nothing has been recorded. Try the link again in a few minutes.',
    decisions: { approve: 'approved', reject: 'rejected', revise: 'sent back for revision', hold: 'put on hold' } as Record<string, string>,
    missingTitle: 'Something is missing before you can approve',
    missingBody: 'Nothing has been recorded and the link still works. The project manager needs to fix this first:',
    missing: {
      benefits: 'The initiative has no benefit plan yet (at least one benefit).',
      goalLinks: 'The initiative is not linked to an active strategic goal with a contribution and a rationale.',
      changeAgentIds: 'The initiative has no change agent yet.',
      conditions: 'Conditions of an earlier decision are not met or waived yet.',
    } as Record<string, string>,
    hold: 'Put on hold until a date (you will be asked again then)',
    holdUntil: 'On hold until',
    conditions: 'Conditions of the approval (one per line, optional) – the project manager follows them up',
    badHold: 'Choose a date in the future for the hold.',
    basis: 'Decision basis',
    problem: 'Need or problem',
    cost: 'Cost estimate',
    costText: (investment: string, running: string) => `NOK ${investment} investment, NOK ${running} a year to run`,
    risk: 'Risk',
    alternatives: 'Alternatives considered',
    dpia: 'Privacy impact assessment (DPIA)',
    dpiaStates: { 'not-needed': 'not needed', needed: 'needed, not done', done: 'done' } as Record<string, string>,
    riskLevels: { low: 'low', medium: 'medium', high: 'high' } as Record<string, string>,
    documents: 'Documents',
    changedSince: 'Changed since last time',
    comments: 'Views from enthusiasts and others',
    checklist: 'Checklist of the decision point',
    checklistStates: { open: 'open', done: 'done', 'not-relevant': 'not relevant' } as Record<string, string>,
    openConditions: 'Open conditions of earlier decisions',
    readiness: 'Readiness of the units',
    readinessStates: { ready: 'ready', 'not-ready': 'not ready' } as Record<string, string>,
    staleTitle: 'This link no longer applies',
    staleBody: (why: string) => `The decision point has changed since the email was sent (${why}). Nothing has changed now. Use the link in the newest email.`,
    endedTitle: 'Follow-up has ended',
    endedBody: 'This benefit or initiative is no longer followed up, so the link does not work. Nothing has changed.',
  },
};

export const words = (locale: PageLocale) => W[locale];

export const formatWhen = formatDateTime;

/** What a decider sees beside the request: the basis, what changed, what people said, what is open. */
export interface DecisionContext {
  problem: string;
  cost: { investment: number; yearlyRunning: number } | null;
  risk: { level: string; description: string } | null;
  alternatives: string;
  dpia: string | null;
  documents: { title: string; url: string }[];
  submitNote: string;
  comments: { author: string; text: string }[];
  checklist: { text: string; mandatory: boolean; status: string; comment: string }[];
  openConditions: string[];
  readiness: { unit: string; status: string; note: string }[];
}

export interface DecisionFormModel extends DecisionContext {
  locale: PageLocale;
  personName: string;
  title: string;
  serviceName: string;
  gate: string;
  step: string;
  goals: string[];
  benefits: string[];
  allowedActions: string[];
  today: string;
  error?: string;
}

const list = (title: string, items: string[]) => (items.length ? `<h2>${escapeHtml(title)}</h2><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : '');
const nok = (value: number, locale: PageLocale) => new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB').format(value);

function basisSection(m: DecisionFormModel): string {
  const w = W[m.locale];
  const rows: [string, string][] = [];
  if (m.problem) rows.push([w.problem, m.problem]);
  if (m.cost) rows.push([w.cost, w.costText(nok(m.cost.investment, m.locale), nok(m.cost.yearlyRunning, m.locale))]);
  if (m.risk?.level) rows.push([w.risk, `${w.riskLevels[m.risk.level] ?? m.risk.level}${m.risk.description ? ` – ${m.risk.description}` : ''}`]);
  if (m.alternatives) rows.push([w.alternatives, m.alternatives]);
  if (m.dpia) rows.push([w.dpia, w.dpiaStates[m.dpia] ?? m.dpia]);
  const documents = m.documents.length
    ? `<dt>${w.documents}</dt><dd><ul>${m.documents.map((d) => `<li><a href="${escapeHtml(d.url)}" rel="noopener noreferrer">${escapeHtml(d.title)}</a></li>`).join('')}</ul></dd>`
    : '';
  if (!rows.length && !documents) return '';
  return `<h2>${w.basis}</h2><dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}${documents}</dl>`;
}

export function decisionForm(m: DecisionFormModel): string {
  const w = W[m.locale];
  const confirmation = m.step === 'confirmation';
  const heading = confirmation ? w.confirmationTitle : w.decisionTitle;
  const label = (action: string) => ({ approve: confirmation ? w.confirm : w.approve, reject: w.reject, revise: w.revise, hold: w.hold })[action] ?? action;
  const options = m.allowedActions
    .map((action, i) => `<label><input type="radio" name="decision" value="${action}" ${i === 0 ? 'required' : ''}> ${escapeHtml(label(action))}</label>`)
    .join('\n');
  const hold = m.allowedActions.includes('hold')
    ? `<label for="until">${w.holdUntil}</label><input id="until" name="until" type="date" min="${m.today}">`
    : '';
  const conditions = !confirmation && m.allowedActions.includes('approve')
    ? `<label for="conditions">${w.conditions}</label><textarea id="conditions" name="conditions" rows="3" maxlength="5000"></textarea>`
    : '';
  return page(m.locale, heading, `
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(m.personName)}</p>
<p class="notice"><strong>${escapeHtml(w.asks[confirmation ? 'confirmation' : m.gate] ?? '')}</strong></p>
<dl>
  <dt>${w.initiative}</dt><dd>${escapeHtml(m.title)}</dd>
  <dt>${w.service}</dt><dd>${escapeHtml(m.serviceName)}</dd>
  <dt>${w.gate}</dt><dd>${escapeHtml(GATE_NAMES[m.locale][m.gate as keyof (typeof GATE_NAMES)['nb']] ?? m.gate)}</dd>
  <dt>${w.goals}</dt><dd>${escapeHtml(m.goals.join('; ') || '–')}</dd>
  ${m.submitNote ? `<dt>${w.changedSince}</dt><dd>${escapeHtml(m.submitNote)}</dd>` : ''}
</dl>
${basisSection(m)}
${list(w.benefits, m.benefits)}
${list(w.checklist, m.checklist.map((c) => `${c.text}${c.mandatory ? ' *' : ''}: ${w.checklistStates[c.status] ?? c.status}${c.comment ? ` (${c.comment})` : ''}`))}
${list(w.openConditions, m.openConditions)}
${list(w.readiness, m.readiness.map((r) => `${r.unit}: ${w.readinessStates[r.status] ?? r.status}${r.note ? ` – ${r.note}` : ''}`))}
${list(w.comments, m.comments.map((c) => `${c.author}: ${c.text}`))}
${m.error ? `<p class="problem" role="alert">${escapeHtml(m.error)}</p>` : ''}
<form method="post">
  <fieldset>
    <legend>${w.choose}</legend>
    ${options}
  </fieldset>
  ${hold}
  ${conditions}
  <label for="comment">${w.comment}</label>
  <textarea id="comment" name="comment" rows="4" maxlength="2000"></textarea>
  <p class="notice">${w.safe}</p>
  <button type="submit">${w.submit}</button>
</form>`);
}

export function messagePage(locale: PageLocale, title: string, body: string, tone: 'notice' | 'problem' = 'notice', items: string[] = []): string {
  const list = items.length ? `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : '';
  return page(locale, title, `<h1>${escapeHtml(title)}</h1><p class="${tone}" role="status">${escapeHtml(body)}</p>${list}`);
}

// The words of each gate-step email, from facts already loaded. Pure: no database, no clock.
import { localeOf } from '../../domain/people.js';
import type { StepRef } from '../../domain/exchange.js';
import type { EmailContent } from './render.js';
import type { Addressee, GateMessage } from './recipients.js';
import { formatDate, GATE_NAMES, T, type Locale } from './texts.js';

/** What a gate-step email says about its initiative. */
export interface GateFacts {
  title: string;
  serviceName: string | null;
  projectManagerName: string | null;
  goals: string[];
  /** The benefit plan, for the owner's sign-off. */
  benefits: string[];
  dueAt: string | null;
  /** The implementation gate's progress cadence. */
  reportEvery: string | null;
  /** Who the step waits for (named in an escalation). */
  responsibleName: string;
  /** The decider's comment, for a revision notice. */
  revisionComment: string;
  /** What the project manager said changed when resubmitting (the decider sees it). */
  submitNote: string;
  /** Units whose change agent said they are not ready (named in implementation reminders). */
  notReadyUnits: string[];
  consoleUrl: string;
}

export function gateFactRows(facts: GateFacts, locale: Locale, gate: StepRef['gate']): [string, string][] {
  const t = T[locale];
  return [
    [t.initiative, facts.title],
    [t.service, facts.serviceName ?? '–'],
    [t.projectManager, facts.projectManagerName ?? '–'],
    [t.gate, GATE_NAMES[locale][gate]],
    [t.goals, facts.goals.join('; ') || '–'],
    [t.deadline, formatDate(facts.dueAt, locale) ?? t.noDeadline],
    ...(facts.submitNote ? [[t.governance.changedSince, facts.submitNote] as [string, string]] : []),
    ...(facts.notReadyUnits.length ? [[t.governance.notReady, facts.notReadyUnits.join(', ')] as [string, string]] : []),
  ];
}

function subjectOf(message: GateMessage, facts: GateFacts, locale: Locale, gate: StepRef['gate']): string {
  const t = T[locale];
  const gateName = GATE_NAMES[locale][gate];
  switch (message) {
    case 'request':
      return t.subjects['approval-request'](facts.title, gateName);
    case 'confirmation-request':
      return t.subjects['confirmation-request'](facts.title);
    case 'started':
      return t.subjects.started(facts.title, gateName);
    case 'reminder':
      return t.subjects.reminder(facts.title, gateName);
    case 'escalation':
      return t.subjects.escalation(facts.title, gateName);
    case 'stalled':
      return t.subjects.stalled(facts.title, gateName);
    case 'revision':
      return t.subjects.revision(facts.title, gateName);
    case 'plan-missing':
      return t.governance.planMissingSubject(facts.title);
    case 'readiness':
      return t.governance.readinessSubject(facts.title);
    case 'comments':
      return t.governance.commentSubject(facts.title);
  }
}

/** What the responsible person is asked to do in this step. */
function askOf(message: GateMessage, facts: GateFacts, locale: Locale, ref: Pick<StepRef, 'gate' | 'step'>): string {
  const t = T[locale];
  if (message === 'escalation') return t.asks.escalation(facts.responsibleName);
  if (message === 'stalled') return t.asks.stalled;
  if (message === 'revision' || ref.step === 'revision') return t.asks.revision(facts.revisionComment);
  if (message === 'plan-missing') return t.governance.planMissingLead;
  if (message === 'readiness') return t.governance.readinessLead;
  if (message === 'comments') return t.governance.commentLead(GATE_NAMES[locale][ref.gate]);
  if (ref.step === 'confirmation') return t.asks.confirmation;
  if (ref.gate === 'implementation') return t.asks.progress(facts.reportEvery ?? '–');
  if (ref.gate === 'benefit-realisation') return message === 'reminder' ? t.measurement.missingLead : t.asks.benefits;
  return t.asks[ref.gate];
}

/** The email without its action link (the link is issued only when the email really goes out). */
export function composeGateEmail(message: GateMessage, person: Addressee, facts: GateFacts, ref: Pick<StepRef, 'gate' | 'step'>, standingInFor?: Addressee): EmailContent {
  const locale = localeOf(person);
  const t = T[locale];
  const toResponsible = message === 'request' || message === 'confirmation-request' || message === 'started' || message === 'reminder';
  const lead = askOf(message, facts, locale, ref);
  return {
    locale,
    subject: subjectOf(message, facts, locale, ref.gate),
    greeting: t.greeting(person.name),
    lead: standingInFor ? `${t.governance.copyFor(standingInFor.name)} ${lead}` : lead,
    facts: gateFactRows(facts, locale, ref.gate),
    list: toResponsible && ref.gate === 'owner-signoff' ? { title: t.benefits, items: facts.benefits } : undefined,
    consoleUrl: facts.consoleUrl,
  };
}

export function actionFor(locale: Locale, url: string): NonNullable<EmailContent['action']> {
  return { label: T[locale].openLink, url, note: T[locale].linkNote };
}

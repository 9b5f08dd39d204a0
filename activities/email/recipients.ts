// Who gets which message for a gate step's email purpose. Pure: the people are handed in.
import { responsiblePerson } from '../../domain/gates.js';
import type { StepRef } from '../../domain/exchange.js';
import type { EmailKind } from '../../domain/types.js';

export interface Addressee {
  _id: unknown;
  name: string;
  email: string;
  locale?: string | null;
  managerId?: string | null;
}

/** The messages of a gate step; each has its own subject and lead (compose.ts). */
export type GateMessage = 'request' | 'confirmation-request' | 'started' | 'reminder' | 'escalation' | 'stalled' | 'revision';

export interface Recipient {
  person: Addressee;
  message: GateMessage;
  kind: EmailKind;
  /** The email carries an action link (only the responsible person, only where a link can decide). */
  withLink: boolean;
}

interface InitiativeParties {
  projectManagerId: string;
  serviceOwnerId: string;
  governanceId: string;
}

/** A link decides every step except implementation in progress (reported in the console) and benefit follow-up. */
export const stepTakesLink = (ref: Pick<StepRef, 'gate' | 'step'>) =>
  !(ref.gate === 'implementation' && ref.step === 'decision') && ref.gate !== 'benefit-realisation';

export const isNudge = (purpose: string) => purpose.startsWith('nudge-');

export function gateRecipients(ref: StepRef & { purpose: string }, initiative: InitiativeParties, people: ReadonlyMap<string, Addressee>): Recipient[] {
  const responsible = people.get(responsiblePerson(initiative, ref.gate, ref.step) ?? '');
  if (!responsible) return [];
  const governance = people.get(initiative.governanceId);
  const toResponsible = (message: GateMessage, kind: EmailKind): Recipient[] => [{ person: responsible, message, kind, withLink: stepTakesLink(ref) }];
  const toOther = (person: Addressee | undefined, message: GateMessage, kind: EmailKind): Recipient[] => (person ? [{ person, message, kind, withLink: false }] : []);

  if (ref.purpose === 'request') return ref.step === 'confirmation' ? toResponsible('confirmation-request', 'confirmation-request') : toResponsible('request', 'approval-request');
  if (ref.purpose === 'started') return toResponsible('started', 'notification');
  if (ref.purpose === 'reminder' || isNudge(ref.purpose)) return toResponsible('reminder', 'reminder');
  if (ref.purpose === 'escalation') return toOther(people.get(responsible.managerId ?? '') ?? governance, 'escalation', 'escalation');
  if (ref.purpose === 'stalled') return toOther(governance, 'stalled', 'escalation');
  if (ref.purpose === 'revision') return toOther(people.get(initiative.projectManagerId), 'revision', 'notification');
  return [];
}

// Who gets which message for a gate step's email purpose. Pure: the people, the board and the
// moment are handed in. Someone away has their deputy receive it instead, with them in copy.
import { decidersOf, deputyAt, governanceOf, responsiblePerson, type Absence, type Board } from '../../domain/gates.js';
import type { StepRef } from '../../domain/exchange.js';
import type { EmailKind, LinkPurpose } from '../../domain/types.js';

export interface Addressee {
  _id: unknown;
  name: string;
  email: string;
  locale?: string | null;
  managerId?: string | null;
  absences?: readonly Absence[] | null;
}

/** The messages of a gate step; each has its own subject and lead (compose.ts). */
export type GateMessage =
  | 'request'
  | 'confirmation-request'
  | 'started'
  | 'reminder'
  | 'escalation'
  | 'stalled'
  | 'revision'
  | 'plan-missing'
  | 'readiness'
  | 'comments';

export interface Recipient {
  /** Who receives it: the person, or their deputy while they are away. */
  person: Addressee;
  /** The person a deputy receives it for (in copy). */
  standingInFor?: Addressee;
  message: GateMessage;
  kind: EmailKind;
  /** What the email's action link lets its person do; none without a link. */
  link?: LinkPurpose;
}

interface InitiativeParties {
  projectManagerId: string;
  serviceOwnerId: string;
  governanceId?: string | null;
  boardId?: string | null;
  changeAgentIds: readonly string[];
  enthusiastIds: readonly string[];
}

/** A link decides every step except implementation in progress, revision, hold and benefit follow-up. */
export const stepTakesLink = (ref: Pick<StepRef, 'gate' | 'step'>) =>
  !(ref.gate === 'implementation' && ref.step === 'decision') && ref.gate !== 'benefit-realisation' && ref.step !== 'revision' && ref.step !== 'hold';

export const isNudge = (purpose: string) => purpose.startsWith('nudge-');

/** Each addressee, or their deputy (with them in copy) while they are away. */
export function withDeputies(recipients: Recipient[], people: ReadonlyMap<string, Addressee>, at: Date): Recipient[] {
  return recipients.map((recipient) => {
    const deputy = people.get(deputyAt(recipient.person, at) ?? '');
    return deputy ? { ...recipient, person: deputy, standingInFor: recipient.person } : recipient;
  });
}

export function gateRecipients(
  ref: StepRef & { purpose: string },
  initiative: InitiativeParties,
  people: ReadonlyMap<string, Addressee>,
  board: Board | null = null,
): Recipient[] {
  const known = (ids: readonly (string | null | undefined)[]) => ids.map((id) => people.get(id ?? '')).filter((p): p is Addressee => p !== undefined);
  const deciders = known(decidersOf(initiative, ref.gate, ref.step, board));
  const decisionLink: LinkPurpose | undefined = stepTakesLink(ref) ? (ref.step === 'confirmation' ? 'confirmation' : 'decision') : undefined;
  const each = (addressees: Addressee[], message: GateMessage, kind: EmailKind, link?: LinkPurpose): Recipient[] => addressees.map((person) => ({ person, message, kind, link }));
  const governance = known(governanceOf(initiative, board));

  switch (true) {
    case ref.purpose === 'request':
      return ref.step === 'confirmation' ? each(deciders, 'confirmation-request', 'confirmation-request', decisionLink) : each(deciders, 'request', 'approval-request', decisionLink);
    case ref.purpose === 'started':
      return each(deciders, 'started', 'notification');
    case ref.purpose === 'reminder' || isNudge(ref.purpose):
      return each(deciders, 'reminder', 'reminder', decisionLink);
    case ref.purpose === 'escalation': {
      // The manager of the person the step waits for; without one, governance.
      const responsible = people.get(responsiblePerson(initiative, ref.gate, ref.step) ?? '') ?? deciders[0];
      const manager = people.get(responsible?.managerId ?? '');
      return each(manager ? [manager] : governance, 'escalation', 'escalation');
    }
    case ref.purpose === 'stalled':
      return each(governance, 'stalled', 'escalation');
    case ref.purpose === 'revision':
      return each(known([initiative.projectManagerId]), 'revision', 'notification');
    case ref.purpose === 'plan-missing':
      return each(known([initiative.projectManagerId]), 'plan-missing', 'notification');
    case ref.purpose === 'readiness':
      return each(known(initiative.changeAgentIds), 'readiness', 'readiness-request', 'readiness');
    case ref.purpose === 'comments':
      return each(known(initiative.enthusiastIds), 'comments', 'comment-invitation', 'comment');
    default:
      return [];
  }
}

// Email side of the gate engine: loads what a message needs, lets recipients.ts choose who gets
// what and compose.ts word it, and delivers each once, with an action link where one acts.
import { formatDateTime, GATE_NAMES } from '../domain/gate-names.js';
import { governanceOf, responsiblePerson, type Board } from '../domain/gates.js';
import { actionUrl, consoleUrl, linkExpiry } from '../domain/links.js';
import { localeOf } from '../domain/people.js';
import type { StepRef } from '../domain/exchange.js';
import type { EmailKind, LinkPurpose, Locale, Status } from '../domain/types.js';
import type { ActivityDeps } from './deps.js';
import { deliverOnce, type Delivery } from './delivery.js';
import { actionFor, composeGateEmail, gateFactRows, type GateFacts } from './email/compose.js';
import type { EmailContent } from './email/render.js';
import { gateRecipients, withDeputies, type Addressee, type Recipient } from './email/recipients.js';
import { T } from './email/texts.js';
import { stepKey } from './keys.js';
import { loadBenefits, loadBoard, loadGoalFacts, loadInitiative, loadPeople } from './loading.js';
import { policyFor } from './policies.js';
import { issueActionToken, LINK_ACTIONS } from './tokens.js';

type Initiative = Awaited<ReturnType<typeof loadInitiative>>;

/** The project manager's note reaches the decider of the gate round it was submitted for only. */
export const noteFor = (note: { text?: string | null; gate: string; round: number } | null | undefined, ref: Pick<StepRef, 'gate' | 'round'>) =>
  note && note.gate === ref.gate && note.round === ref.round ? (note.text ?? '') : '';

/** One message to one person (or their deputy), with the link it carries. */
interface Letter {
  key: string;
  kind: EmailKind;
  recipient: Pick<Recipient, 'person' | 'standingInFor' | 'link'>;
  ref: StepRef;
  content: EmailContent;
  subjectId?: string;
  benefitId?: string;
}

export function createEmailActivities(deps: ActivityDeps) {
  const { models, publicUrl, clock } = deps;
  const consoleLink = (initiativeId: string) => consoleUrl(publicUrl, 'initiatives', initiativeId);

  /** The initiative, everyone it names (their managers and deputies too), its board, service and goals. */
  async function loadContext(initiativeId: string) {
    const initiative = await loadInitiative(models, initiativeId);
    const [board, service, goals] = await Promise.all([
      loadBoard(models, initiative.boardId),
      models.Service.findById(initiative.serviceId).lean(),
      loadGoalFacts(models, initiative.goalLinks.map((l) => l.goalId)),
    ]);
    const people = await loadPeople(models, [
      initiative.projectManagerId,
      initiative.serviceOwnerId,
      initiative.governanceId,
      ...initiative.changeAgentIds,
      ...initiative.enthusiastIds,
      ...(board ? [board.chairId, ...board.memberIds] : []),
    ]);
    const related = [...people.values()].flatMap((p) => [p.managerId, ...(p.absences ?? []).map((a) => a.deputyId)]);
    for (const [id, person] of await loadPeople(models, related.filter((id) => id && !people.has(id)))) people.set(id, person);
    const facts: GateFacts = {
      title: initiative.title,
      serviceName: service?.name ?? null,
      projectManagerName: people.get(initiative.projectManagerId)?.name ?? null,
      goals: [...goals.values()].map((g) => `${g.code} ${g.title}`),
      benefits: [],
      dueAt: initiative.gateDueAt ? initiative.gateDueAt.toISOString() : null,
      reportEvery: null,
      responsibleName: '',
      revisionComment: '',
      submitNote: '',
      notReadyUnits: [],
      consoleUrl: consoleLink(initiativeId),
    };
    return { initiative, board, people, facts };
  }

  /** The facts only some gate steps' emails show, loaded only for those. */
  async function completeFacts(ref: StepRef & { purpose: string }, initiative: Initiative, people: Map<string, Addressee>, facts: GateFacts): Promise<GateFacts> {
    const extra: Partial<GateFacts> = { responsibleName: people.get(responsiblePerson(initiative, ref.gate, ref.step) ?? '')?.name ?? '' };
    if (ref.gate === 'owner-signoff') {
      const benefits = await loadBenefits(models, initiative);
      extra.benefits = benefits.map((b) => `${b.title}: ${b.indicator} ${b.baseline} → ${b.target} ${b.unit} (${b.followUpUntil.toISOString().slice(0, 10)})`);
    }
    if (ref.gate === 'implementation') {
      extra.reportEvery = (await policyFor(models, 'implementation')).reportEvery;
      if (ref.step === 'decision') extra.notReadyUnits = await notReadyUnits(ref.initiativeId);
    }
    if (ref.purpose === 'revision' || ref.step === 'revision') {
      const decision = await models.Decision.findOne({ initiativeId: ref.initiativeId, gate: ref.gate, decision: 'revise' }).sort({ at: -1 }).lean();
      extra.revisionComment = decision?.comment ?? '';
    }
    extra.submitNote = noteFor(initiative.submitNote, ref);
    return { ...facts, ...extra };
  }

  /** The latest word from each unit's change agent, where it is "not ready". */
  async function notReadyUnits(initiativeId: string): Promise<string[]> {
    const answers = await models.Readiness.find({ initiativeId }).sort({ at: 1 }).lean();
    const latest = new Map(answers.map((a) => [a.unit, a.status]));
    return [...latest].filter(([, status]) => status === 'not-ready').map(([unit]) => unit);
  }

  /** A letter as a delivery: its link is issued only when the email really goes out. */
  function deliveryOf(letter: Letter): Delivery {
    const { person, standingInFor, link } = letter.recipient;
    const personId = String(person._id);
    return {
      key: letter.key,
      kind: letter.kind,
      to: { id: personId, email: person.email },
      ...(standingInFor ? { cc: { id: String(standingInFor._id), email: standingInFor.email } } : {}),
      initiativeId: letter.ref.initiativeId,
      gate: letter.ref.gate,
      content: async () => {
        if (!link) return letter.content;
        const token = await issueActionToken(models, {
          ...letter.ref,
          key: letter.key,
          personId,
          forPersonId: standingInFor ? String(standingInFor._id) : null,
          purpose: link,
          allowedActions: LINK_ACTIONS[link],
          subjectId: letter.subjectId ?? null,
          benefitId: letter.benefitId ?? null,
          expiresAt: linkExpiry(clock(), deps.linkLifetimeDays),
        });
        return { ...letter.content, action: actionFor(letter.content.locale, actionUrl(publicUrl, token)) };
      },
    };
  }

  /** The same message to several people (deputies for the absent), each worded in their language. */
  async function sendToEach(
    base: { ref: StepRef; kind: EmailKind; link?: LinkPurpose; subjectId?: string; keyOf: (personId: string) => string },
    addressees: Addressee[],
    people: ReadonlyMap<string, Addressee>,
    words: (locale: Locale) => { subject: string; lead: string; facts: [string, string][]; list?: EmailContent['list'] },
  ): Promise<number> {
    const recipients = withDeputies(addressees.map((person) => ({ person, message: 'started', kind: base.kind, link: base.link })), people, clock());
    for (const recipient of recipients) {
      const locale = localeOf(recipient.person);
      const w = words(locale);
      const lead = recipient.standingInFor ? `${T[locale].governance.copyFor(recipient.standingInFor.name)} ${w.lead}` : w.lead;
      await deliverOnce(deps, deliveryOf({
        key: base.keyOf(String((recipient.standingInFor ?? recipient.person)._id)),
        kind: base.kind,
        recipient,
        ref: base.ref,
        subjectId: base.subjectId,
        content: { locale, greeting: T[locale].greeting(recipient.person.name), consoleUrl: consoleLink(base.ref.initiativeId), ...w, lead },
      }));
    }
    return recipients.length;
  }

  /** A reference for messages that belong to no particular step. */
  const refOf = (initiative: Initiative): StepRef => ({ initiativeId: String(initiative._id), gate: initiative.gate, step: initiative.gateStep ?? 'decision', round: 0 });

  return {
    async sendGateEmail(ref: StepRef & { purpose: string }): Promise<number> {
      const { initiative, board, people, facts } = await loadContext(ref.initiativeId);
      const complete = await completeFacts(ref, initiative, people, facts);
      const recipients = withDeputies(gateRecipients(ref, initiative, people, board), people, clock());
      for (const recipient of recipients) {
        const forId = String((recipient.standingInFor ?? recipient.person)._id);
        await deliverOnce(deps, deliveryOf({
          key: stepKey(ref, ref.purpose, forId),
          kind: recipient.kind,
          recipient,
          ref,
          content: composeGateEmail(recipient.message, recipient.person, complete, ref, recipient.standingInFor),
        }));
      }
      return recipients.length;
    },

    /** Enthusiasts are asked for their view when the initiative is submitted to governance. */
    async sendStartNotices(ref: { initiativeId: string }): Promise<number> {
      const { initiative, people, facts } = await loadContext(ref.initiativeId);
      const enthusiasts = initiative.enthusiastIds.map((id) => people.get(id)).filter((p) => p !== undefined);
      const stepRef = { initiativeId: ref.initiativeId, gate: 'goal-alignment' as const, step: 'decision' as const, round: 1 };
      return sendToEach({ ref: stepRef, kind: 'comment-invitation', link: 'comment', keyOf: (personId) => `${ref.initiativeId}:start:invite:${personId}` }, enthusiasts, people, (locale) => ({
        subject: T[locale].governance.commentSubject(initiative.title),
        lead: T[locale].governance.commentLead(GATE_NAMES[locale]['goal-alignment']),
        facts: gateFactRows({ ...facts, dueAt: null }, locale, 'goal-alignment'),
      }));
    },

    /** The outcome goes to the service owner, project manager and governance. */
    async sendOutcomeNotice(ref: { initiativeId: string; status: Status; round: number }): Promise<number> {
      const { initiative, board, people, facts } = await loadContext(ref.initiativeId);
      const ids = [...new Set([initiative.serviceOwnerId, initiative.projectManagerId, ...governanceOf(initiative, board)])];
      const recipients = ids.map((id) => people.get(id)).filter((p) => p !== undefined);
      const outcome = initiative.benefitOutcome;
      return sendToEach({ ref: refOf(initiative), kind: 'notification', keyOf: (personId) => `${ref.initiativeId}:outcome:${ref.status}:${personId}` }, recipients, new Map(), (locale) => {
        const subject = T[locale].subjects.outcome(initiative.title, T[locale].statuses[ref.status]);
        return { subject, lead: `${subject}${outcome ? ` (${outcome})` : ''}.`, facts: gateFactRows({ ...facts, dueAt: null }, locale, initiative.gate) };
      });
    },

    /** A condition's owner, when it falls due and every week after while it stays open. */
    async sendConditionReminder(ref: { initiativeId: string; conditionId: string; reminder: number }): Promise<number> {
      const condition = await models.Condition.findById(ref.conditionId).lean();
      if (!condition || condition.status !== 'open') return 0;
      const { initiative, people, facts } = await loadContext(ref.initiativeId);
      const owner = people.get(condition.ownerId) ?? (await loadPeople(models, [condition.ownerId])).get(condition.ownerId);
      if (!owner) return 0;
      return sendToEach({ ref: refOf(initiative), kind: 'condition-reminder', keyOf: (personId) => `${ref.conditionId}:reminder:${ref.reminder}:${personId}` }, [owner], people, (locale) => ({
        subject: T[locale].governance.conditionSubject(initiative.title),
        lead: T[locale].governance.conditionLead(condition.text, formatDateTime(condition.dueAt, locale)),
        facts: gateFactRows({ ...facts, dueAt: condition.dueAt.toISOString() }, locale, condition.gate),
      }));
    },

    /** The service owner is asked to accept or reject a change to the plan they accepted. */
    async sendPlanChangeRequest(ref: { initiativeId: string; planChangeId: string }): Promise<number> {
      const change = await models.PlanChange.findById(ref.planChangeId).lean();
      if (!change || change.status !== 'pending') return 0;
      const { initiative, people, facts } = await loadContext(ref.initiativeId);
      const owner = people.get(initiative.serviceOwnerId);
      const benefit = await models.Benefit.findById(change.benefitId).lean();
      const proposed = (change.changes ?? {}) as Record<string, unknown>;
      const title = benefit?.title ?? String(proposed.title ?? '');
      if (!owner) return 0;
      return sendToEach(
        { ref: refOf(initiative), kind: 'plan-change-request', link: 'plan-change', subjectId: ref.planChangeId, keyOf: (personId) => `${ref.planChangeId}:request:${personId}` },
        [owner],
        people,
        (locale) => ({
          subject: T[locale].governance.planChangeSubject(title, initiative.title),
          lead: T[locale].governance.planChangeLead,
          facts: [
            ...gateFactRows({ ...facts, dueAt: null }, locale, initiative.gate),
            ...Object.entries(proposed).map(([field, value]): [string, string] => [field, `${String((benefit as Record<string, unknown> | null)?.[field] ?? '–')} → ${String(value)}`]),
            ...(change.reason ? [[locale === 'nb' ? 'Begrunnelse' : 'Reason', change.reason] as [string, string]] : []),
          ],
        }),
      );
    },

    /** Governance (the board's members, or the person) is asked to review benefit realisation. */
    async sendReviewRequest(ref: { initiativeId: string; reviewId: string }): Promise<number> {
      const { initiative, board, people, facts } = await loadContext(ref.initiativeId);
      const reviewers = governanceOf(initiative, board).map((id) => people.get(id)).filter((p) => p !== undefined);
      const benefits = await loadBenefits(models, initiative);
      const items = benefits.map((b) => `${b.title}: ${b.latestValue ?? '–'} ${b.unit} (${b.band ?? '–'}; ${b.baseline} → ${b.target})`);
      return sendToEach(
        { ref: refOf(initiative), kind: 'review-request', link: 'review', subjectId: ref.reviewId, keyOf: (personId) => `${ref.reviewId}:request:${personId}` },
        reviewers,
        people,
        (locale) => ({
          subject: T[locale].governance.reviewSubject(initiative.title),
          lead: T[locale].governance.reviewLead,
          facts: gateFactRows({ ...facts, dueAt: null }, locale, 'benefit-realisation'),
          list: { title: T[locale].benefits, items },
        }),
      );
    },
  };
}

// Email side of the gate engine: loads what a message needs, lets recipients.ts choose who gets
// what and compose.ts word it, and delivers each once, with an action link where one decides.
import { consoleUrl, actionUrl, linkExpiry } from '../domain/links.js';
import { localeOf } from '../domain/people.js';
import type { StepRef } from '../domain/exchange.js';
import { responsiblePerson } from '../domain/gates.js';
import type { Status } from '../domain/types.js';
import type { ActivityDeps } from './deps.js';
import { deliverOnce, type Delivery } from './delivery.js';
import { actionFor, composeGateEmail, gateFactRows, type GateFacts } from './email/compose.js';
import { gateRecipients, type Recipient } from './email/recipients.js';
import { T } from './email/texts.js';
import { stepKey } from './keys.js';
import { loadInitiative, loadPeople } from './loading.js';
import { policyFor } from './policies.js';
import { issueActionToken } from './tokens.js';

export function createEmailActivities(deps: ActivityDeps) {
  const { models, publicUrl, clock } = deps;

  /** The initiative, everyone it names (and the responsible person's manager), its service and goals. */
  async function loadContext(initiativeId: string) {
    const initiative = await loadInitiative(models, initiativeId);
    const people = await loadPeople(models, [
      initiative.projectManagerId,
      initiative.serviceOwnerId,
      initiative.governanceId,
      ...initiative.changeAgentIds,
      ...initiative.enthusiastIds,
    ]);
    const service = await models.Service.findById(initiative.serviceId).lean();
    const goals = await models.Goal.find({ _id: { $in: initiative.goalLinks.map((l) => l.goalId) } }).lean();
    const facts: GateFacts = {
      title: initiative.title,
      serviceName: service?.name ?? null,
      projectManagerName: people.get(initiative.projectManagerId)?.name ?? null,
      goals: goals.map((g) => `${g.code} ${g.title}`),
      benefits: [],
      dueAt: initiative.gateDueAt ? initiative.gateDueAt.toISOString() : null,
      reportEvery: null,
      responsibleName: '',
      revisionComment: '',
      consoleUrl: consoleUrl(publicUrl, 'initiatives', initiativeId),
    };
    return { initiative, people, facts };
  }

  /** The facts only some gate steps' emails show, loaded only for those. */
  async function completeFacts(ref: StepRef & { purpose: string }, ctx: Awaited<ReturnType<typeof loadContext>>): Promise<GateFacts> {
    const { initiative, people, facts } = ctx;
    const responsible = people.get(responsiblePerson(initiative, ref.gate, ref.step) ?? '');
    const extra: Partial<GateFacts> = { responsibleName: responsible?.name ?? '' };
    if (ref.purpose === 'escalation' && responsible?.managerId && !people.has(responsible.managerId)) {
      for (const [id, person] of await loadPeople(models, [responsible.managerId])) people.set(id, person);
    }
    if (ref.gate === 'owner-signoff') {
      const benefits = await models.Benefit.find({ initiativeId: ref.initiativeId }).lean();
      extra.benefits = benefits.map((b) => `${b.title}: ${b.indicator} ${b.baseline} → ${b.target} ${b.unit} (${b.followUpUntil.toISOString().slice(0, 10)})`);
    }
    if (ref.gate === 'implementation') extra.reportEvery = (await policyFor(models, 'implementation')).reportEvery;
    if (ref.purpose === 'revision') {
      const decision = await models.Decision.findOne({ initiativeId: ref.initiativeId, gate: ref.gate, round: ref.round }).lean();
      extra.revisionComment = decision?.comment ?? '';
    }
    return { ...facts, ...extra };
  }

  function deliveryFor(ref: StepRef & { purpose: string }, recipient: Recipient, facts: GateFacts): Delivery {
    const { person } = recipient;
    const personId = String(person._id);
    const key = stepKey(ref, ref.purpose, personId);
    const content = composeGateEmail(recipient.message, person, facts, ref);
    return {
      key,
      kind: recipient.kind,
      to: { id: personId, email: person.email },
      initiativeId: ref.initiativeId,
      gate: ref.gate,
      content: async () => {
        if (!recipient.withLink) return content;
        const token = await issueActionToken(models, {
          ...ref,
          key,
          personId,
          purpose: ref.step === 'confirmation' ? 'confirmation' : 'decision',
          allowedActions: ['approve', 'reject', 'revise'],
          expiresAt: linkExpiry(clock(), deps.linkLifetimeDays),
        });
        return { ...content, action: actionFor(content.locale, actionUrl(publicUrl, token)) };
      },
    };
  }

  /** Sends a notice to each person once, keyed by `keyOf(person)`. */
  async function notifyEach(
    initiativeId: string,
    people: { _id: unknown; name: string; email: string; locale?: string | null }[],
    keyOf: (personId: string) => string,
    gate: string,
    content: (locale: ReturnType<typeof localeOf>) => { subject: string; lead: string; facts: [string, string][] },
  ): Promise<number> {
    for (const person of people) {
      const locale = localeOf(person);
      const personId = String(person._id);
      const words = content(locale);
      await deliverOnce(deps, {
        key: keyOf(personId),
        kind: 'notification',
        to: { id: personId, email: person.email },
        initiativeId,
        gate,
        content: async () => ({ locale, greeting: T[locale].greeting(person.name), consoleUrl: consoleUrl(publicUrl, 'initiatives', initiativeId), ...words }),
      });
    }
    return people.length;
  }

  return {
    async sendGateEmail(ref: StepRef & { purpose: string }): Promise<number> {
      const ctx = await loadContext(ref.initiativeId);
      const facts = await completeFacts(ref, ctx);
      const recipients = gateRecipients(ref, ctx.initiative, ctx.people);
      for (const recipient of recipients) await deliverOnce(deps, deliveryFor(ref, recipient, facts));
      return recipients.length;
    },

    /** Enthusiasts are invited to comment when the initiative starts. */
    async sendStartNotices(ref: { initiativeId: string }): Promise<number> {
      const { initiative, people, facts } = await loadContext(ref.initiativeId);
      const enthusiasts = initiative.enthusiastIds.map((id) => people.get(id)).filter((p) => p !== undefined);
      return notifyEach(ref.initiativeId, enthusiasts, (personId) => `${ref.initiativeId}:start:invite:${personId}`, 'goal-alignment', (locale) => ({
        subject: T[locale].subjects.invited(initiative.title),
        lead: T[locale].asks.invited,
        facts: gateFactRows({ ...facts, dueAt: null }, locale, 'goal-alignment'),
      }));
    },

    /** The outcome goes to the service owner, project manager and governance role. */
    async sendOutcomeNotice(ref: { initiativeId: string; status: Status; round: number }): Promise<number> {
      const { initiative, people, facts } = await loadContext(ref.initiativeId);
      const ids = [...new Set([initiative.serviceOwnerId, initiative.projectManagerId, initiative.governanceId])];
      const recipients = ids.map((id) => people.get(id)).filter((p) => p !== undefined);
      const outcome = initiative.benefitOutcome;
      return notifyEach(ref.initiativeId, recipients, (personId) => `${ref.initiativeId}:outcome:${ref.status}:${personId}`, initiative.gate, (locale) => {
        const subject = T[locale].subjects.outcome(initiative.title, T[locale].statuses[ref.status]);
        return { subject, lead: `${subject}${outcome ? ` (${outcome})` : ''}.`, facts: gateFactRows({ ...facts, dueAt: null }, locale, initiative.gate) };
      });
    },
  };
}

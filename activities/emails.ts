// Email side of the gate engine: who gets which message for a gate step, with what link.
import type { Status } from '../domain/types.js';
import type { GateStep } from '../workflows/definitions.js';
import type { ActivityDeps } from './deps.js';
import { deliverOnce, type Delivery } from './delivery.js';
import { formatDate, GATE_NAMES, T, type Locale } from './email/texts.js';
import type { EmailContent } from './email/render.js';
import { stepKey, type StepRef } from './keys.js';
import { policyFor } from './ladder.js';
import { loadInitiative, loadPeople, responsibleField } from './people.js';
import { issueActionToken } from './tokens.js';

type Person = { _id: unknown; name: string; email: string; locale?: string | null; managerId?: string | null };

const localeOf = (person: Person): Locale => (person.locale === 'en' ? 'en' : 'nb');

export function createEmailActivities(deps: ActivityDeps) {
  const { models, publicUrl, clock } = deps;
  const consoleUrl = (initiativeId: string) => `${publicUrl}/#/initiatives/${initiativeId}/show`;

  async function context(initiativeId: string) {
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
    return { initiative, people, service, goals };
  }

  function facts(ctx: Awaited<ReturnType<typeof context>>, locale: Locale, gate: StepRef['gate'], dueAt: string | null): [string, string][] {
    const t = T[locale];
    return [
      [t.initiative, ctx.initiative.title],
      [t.service, ctx.service?.name ?? '–'],
      [t.projectManager, ctx.people.get(ctx.initiative.projectManagerId)?.name ?? '–'],
      [t.gate, GATE_NAMES[locale][gate]],
      [t.goals, ctx.goals.map((g) => `${g.code} ${g.title}`).join('; ') || '–'],
      [t.deadline, formatDate(dueAt, locale) ?? t.noDeadline],
    ];
  }

  async function benefitItems(initiativeId: string): Promise<string[]> {
    const benefits = await models.Benefit.find({ initiativeId }).lean();
    return benefits.map((b) => `${b.title}: ${b.indicator} ${b.baseline} → ${b.target} ${b.unit} (${b.followUpUntil.toISOString().slice(0, 10)})`);
  }

  return {
    async sendGateEmail(ref: StepRef & { purpose: string }): Promise<number> {
      const ctx = await context(ref.initiativeId);
      const { initiative } = ctx;
      const responsibleId = initiative[responsibleField(ref.gate, ref.step)];
      const responsible = (await loadPeople(models, [responsibleId])).get(responsibleId) as Person | undefined;
      if (!responsible) return 0;
      const dueAt = initiative.gateDueAt ? initiative.gateDueAt.toISOString() : null;
      const actionable = !(ref.gate === 'implementation' && ref.step === 'decision') && ref.gate !== 'benefit-realisation';
      const gateName = (l: Locale) => GATE_NAMES[l][ref.gate];
      const deliveries: Delivery[] = [];

      const withLink = (person: Person, locale: Locale, base: Omit<EmailContent, 'action'>, key: string) => async () => {
        if (!actionable) return base;
        const token = await issueActionToken(models, {
          ...ref,
          key,
          personId: String(person._id),
          purpose: ref.step === 'confirmation' ? 'confirmation' : 'decision',
          allowedActions: ['approve', 'reject', 'revise'],
          expiresAt: new Date(clock().getTime() + deps.linkLifetimeDays * 86_400_000),
        });
        return { ...base, action: { label: T[locale].openLink, url: `${publicUrl}/actions/${token}`, note: T[locale].linkNote } };
      };

      const toResponsible = async (kind: 'approval-request' | 'confirmation-request' | 'reminder' | 'notification') => {
        const locale = localeOf(responsible);
        const t = T[locale];
        const subject =
          kind === 'reminder'
            ? t.subjects.reminder(initiative.title, gateName(locale))
            : kind === 'confirmation-request'
              ? t.subjects['confirmation-request'](initiative.title)
              : kind === 'notification'
                ? t.subjects.started(initiative.title, gateName(locale))
                : t.subjects['approval-request'](initiative.title, gateName(locale));
        let lead: string;
        if (ref.step === 'confirmation') lead = t.asks.confirmation;
        else if (ref.gate === 'implementation') lead = t.asks.progress((await policyFor(models, 'implementation')).reportEvery ?? '–');
        else if (ref.gate === 'benefit-realisation') lead = kind === 'reminder' ? t.measurement.missingLead : t.asks.benefits;
        else lead = t.asks[ref.gate];
        const key = stepKey(ref, ref.purpose, String(responsible._id));
        const list = ref.gate === 'owner-signoff' ? { title: t.benefits, items: await benefitItems(ref.initiativeId) } : undefined;
        const base = { locale, subject, greeting: t.greeting(responsible.name), lead, facts: facts(ctx, locale, ref.gate, dueAt), list, consoleUrl: consoleUrl(ref.initiativeId) };
        deliveries.push({ key, kind, to: { id: String(responsible._id), email: responsible.email }, initiativeId: ref.initiativeId, gate: ref.gate, content: withLink(responsible, locale, base, key) });
      };

      const toOther = async (person: Person, kind: 'escalation' | 'notification', subjectOf: (l: Locale) => string, leadOf: (l: Locale) => string) => {
        const locale = localeOf(person);
        const t = T[locale];
        deliveries.push({
          key: stepKey(ref, ref.purpose, String(person._id)),
          kind,
          to: { id: String(person._id), email: person.email },
          initiativeId: ref.initiativeId,
          gate: ref.gate,
          content: async () => ({ locale, subject: subjectOf(locale), greeting: t.greeting(person.name), lead: leadOf(locale), facts: facts(ctx, locale, ref.gate, dueAt), consoleUrl: consoleUrl(ref.initiativeId) }),
        });
      };

      const governance = ctx.people.get(initiative.governanceId) as Person | undefined;
      switch (true) {
        case ref.purpose === 'request':
          await toResponsible(ref.step === 'confirmation' ? 'confirmation-request' : 'approval-request');
          break;
        case ref.purpose === 'started':
          await toResponsible('notification');
          break;
        case ref.purpose === 'reminder' || ref.purpose.startsWith('nudge-'):
          await toResponsible('reminder');
          break;
        case ref.purpose === 'escalation': {
          const manager = responsible.managerId ? ((await loadPeople(models, [responsible.managerId])).get(responsible.managerId) as Person | undefined) : undefined;
          const target = manager ?? governance;
          if (target) await toOther(target, 'escalation', (l) => T[l].subjects.escalation(initiative.title, gateName(l)), (l) => T[l].asks.escalation(responsible.name));
          break;
        }
        case ref.purpose === 'stalled':
          if (governance) await toOther(governance, 'escalation', (l) => T[l].subjects.stalled(initiative.title, gateName(l)), (l) => T[l].asks.stalled);
          break;
        case ref.purpose === 'revision': {
          const pm = ctx.people.get(initiative.projectManagerId) as Person | undefined;
          const latest = await models.Decision.findOne({ initiativeId: ref.initiativeId, gate: ref.gate, round: ref.round }).lean();
          if (pm) await toOther(pm, 'notification', (l) => T[l].subjects.revision(initiative.title, gateName(l)), (l) => T[l].asks.revision(latest?.comment ?? ''));
          break;
        }
      }
      for (const delivery of deliveries) await deliverOnce(deps, delivery);
      return deliveries.length;
    },

    /** Enthusiasts are invited to comment when the initiative starts. */
    async sendStartNotices(ref: { initiativeId: string }): Promise<number> {
      const ctx = await context(ref.initiativeId);
      const enthusiasts = ctx.initiative.enthusiastIds.map((id) => ctx.people.get(id)).filter(Boolean) as Person[];
      for (const person of enthusiasts) {
        const locale = localeOf(person);
        const t = T[locale];
        await deliverOnce(deps, {
          key: `${ref.initiativeId}:start:invite:${String(person._id)}`,
          kind: 'notification',
          to: { id: String(person._id), email: person.email },
          initiativeId: ref.initiativeId,
          gate: 'goal-alignment',
          content: async () => ({ locale, subject: t.subjects.invited(ctx.initiative.title), greeting: t.greeting(person.name), lead: t.asks.invited, facts: facts(ctx, locale, 'goal-alignment', null), consoleUrl: consoleUrl(ref.initiativeId) }),
        });
      }
      return enthusiasts.length;
    },

    /** The outcome goes to the service owner, project manager and governance role. */
    async sendOutcomeNotice(ref: { initiativeId: string; status: Status; round: number }): Promise<number> {
      const ctx = await context(ref.initiativeId);
      const ids = [ctx.initiative.serviceOwnerId, ctx.initiative.projectManagerId, ctx.initiative.governanceId];
      const recipients = [...new Set(ids)].map((id) => ctx.people.get(id)).filter(Boolean) as Person[];
      const outcome = ctx.initiative.benefitOutcome;
      for (const person of recipients) {
        const locale = localeOf(person);
        const t = T[locale];
        const status = t.statuses[ref.status];
        await deliverOnce(deps, {
          key: `${ref.initiativeId}:outcome:${ref.status}:${String(person._id)}`,
          kind: 'notification',
          to: { id: String(person._id), email: person.email },
          initiativeId: ref.initiativeId,
          gate: ctx.initiative.gate,
          content: async () => ({
            locale,
            subject: t.subjects.outcome(ctx.initiative.title, status),
            greeting: t.greeting(person.name),
            lead: `${t.subjects.outcome(ctx.initiative.title, status)}${outcome ? ` (${outcome})` : ''}.`,
            facts: facts(ctx, locale, ctx.initiative.gate, null),
            consoleUrl: consoleUrl(ref.initiativeId),
          }),
        });
      }
      return recipients.length;
    },
  };
}

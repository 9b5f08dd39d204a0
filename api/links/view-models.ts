// What a link page shows: the facts of the initiative, the request and the person's language.
import { DEFAULT_CHECKLISTS } from '../../domain/checklists.js';
import { localeOf } from '../../domain/people.js';
import type { Gate } from '../../domain/types.js';
import { loadBenefits, loadPeople } from '../../store/lookups.js';
import type { Models } from '../../store/models/index.js';
import type { DecisionFormModel } from '../pages/action-pages.js';
import type { MeasurementFormModel } from '../pages/measurement-page.js';

export interface LinkToken {
  _id: unknown;
  personId: string;
  initiativeId: string;
  gate: string;
  step: string;
  round: number;
  purpose: string;
  benefitId?: string | null;
  subjectId?: string | null;
  forPersonId?: string | null;
  allowedActions: string[];
}

export function createViewModels(models: Models) {
  return {
    async localeOf(personId: string) {
      return localeOf(await models.Person.findById(personId).lean());
    },

    async decision(token: LinkToken, error?: string): Promise<DecisionFormModel> {
      const [initiative, person] = await Promise.all([models.Initiative.findById(token.initiativeId).lean(), models.Person.findById(token.personId).lean()]);
      const gate = token.gate as Gate;
      const [service, goals, benefits, comments, template, conditions, readiness] = await Promise.all([
        initiative ? models.Service.findById(initiative.serviceId).lean() : null,
        initiative ? models.Goal.find({ _id: { $in: initiative.goalLinks.map((l) => l.goalId) } }).lean() : [],
        initiative ? loadBenefits(models, initiative) : [],
        models.Comment.find({ initiativeId: token.initiativeId, gate }).sort({ at: 1 }).lean(),
        models.Checklist.findById(gate).lean(),
        models.Condition.find({ initiativeId: token.initiativeId, status: 'open' }).lean(),
        token.step === 'confirmation' ? models.Readiness.find({ initiativeId: token.initiativeId }).sort({ at: 1 }).lean() : [],
      ]);
      const authors = await loadPeople(models, comments.map((c) => c.authorId));
      const entries = new Map((initiative?.checklist ?? []).filter((e) => e.gate === gate).map((e) => [e.key, e]));
      const latestReadiness = new Map(readiness.map((r) => [r.unit, r]));
      return {
        locale: localeOf(person),
        personName: person?.name ?? '',
        title: initiative?.title ?? '',
        serviceName: service?.name ?? '–',
        gate: token.gate,
        step: token.step,
        goals: goals.map((g) => `${g.code} ${g.title}`),
        benefits: benefits.map((b) => `${b.title}: ${b.baseline} → ${b.target} ${b.unit}`),
        allowedActions: decisionChoices(token),
        today: new Date().toISOString().slice(0, 10),
        problem: initiative?.problem ?? '',
        cost: typeof initiative?.costEstimate?.investment === 'number' ? { investment: initiative.costEstimate.investment, yearlyRunning: initiative.costEstimate.yearlyRunning ?? 0 } : null,
        risk: initiative?.risk?.level ? { level: initiative.risk.level, description: initiative.risk.description ?? '' } : null,
        alternatives: initiative?.alternatives ?? '',
        dpia: initiative?.dpia ?? null,
        documents: (initiative?.documents ?? []).map((d) => ({ title: d.title, url: d.url })),
        submitNote: initiative?.submitNote && initiative.submitNote.gate === token.gate && initiative.submitNote.round === token.round ? (initiative.submitNote.text ?? '') : '',
        comments: comments.map((c) => ({ author: authors.get(c.authorId ?? '')?.name ?? '–', text: c.text })),
        checklist: token.step === 'confirmation' ? [] : (template?.items ?? DEFAULT_CHECKLISTS[gate]).map((item) => ({
          text: item.text, mandatory: item.mandatory, status: entries.get(item.key)?.status ?? 'open', comment: entries.get(item.key)?.comment ?? '',
        })),
        openConditions: conditions.map((c) => c.text),
        readiness: [...latestReadiness.values()].map((r) => ({ unit: r.unit, status: r.status, note: r.note })),
        error,
      };
    },

    /** A plan change: the benefit as accepted, what would change, and why. */
    async planChange(token: LinkToken, error?: string) {
      const change = await models.PlanChange.findById(token.subjectId).lean();
      const [benefit, initiative, locale] = await Promise.all([
        change ? models.Benefit.findById(change.benefitId).lean() : null,
        models.Initiative.findById(token.initiativeId).lean(),
        this.localeOf(token.personId),
      ]);
      const proposed = (change?.changes ?? {}) as Record<string, unknown>;
      return {
        locale,
        initiativeTitle: initiative?.title ?? '',
        benefitTitle: benefit?.title ?? String(proposed.title ?? ''),
        operation: change?.operation ?? 'update',
        changes: Object.entries(proposed).map(([field, value]) => ({ field, from: benefit ? String((benefit as Record<string, unknown>)[field] ?? '–') : '–', to: String(value) })),
        reason: change?.reason ?? '',
        error,
      };
    },

    /** A benefit review: each benefit's band, trend and value. */
    async review(token: LinkToken, error?: string) {
      const [initiative, locale] = await Promise.all([models.Initiative.findById(token.initiativeId).lean(), this.localeOf(token.personId)]);
      const benefits = initiative ? await loadBenefits(models, initiative) : [];
      return {
        locale,
        initiativeTitle: initiative?.title ?? '',
        benefits: benefits.map((b) => ({ id: String(b._id), title: b.title, unit: b.unit, baseline: b.baseline, target: b.target, latest: b.latestValue ?? null, band: b.band ?? null, realised: Boolean(b.realised) })),
        error,
      };
    },

    /** What a readiness or comment link is about. */
    async initiativeOf(token: LinkToken, error?: string) {
      const [initiative, person] = await Promise.all([models.Initiative.findById(token.initiativeId).lean(), models.Person.findById(token.personId).lean()]);
      return { locale: localeOf(person), initiativeTitle: initiative?.title ?? '', gate: token.gate, unit: person?.unit ?? '', error };
    },

    async measurement(token: LinkToken, error?: string): Promise<MeasurementFormModel> {
      const [benefit, initiative, locale] = await Promise.all([
        models.Benefit.findById(token.benefitId).lean(),
        models.Initiative.findById(token.initiativeId).lean(),
        this.localeOf(token.personId),
      ]);
      return {
        locale,
        initiativeTitle: initiative?.title ?? '',
        benefit: { title: benefit?.title ?? '', indicator: benefit?.indicator ?? '', unit: benefit?.unit ?? '', baseline: benefit?.baseline ?? 0, target: benefit?.target ?? 0 },
        today: new Date().toISOString().slice(0, 10),
        error,
      };
    },

    /** Readiness and comment links work while the initiative is under way. */
    async initiativeEnded(token: LinkToken): Promise<boolean> {
      const initiative = await models.Initiative.findById(token.initiativeId, { status: 1 }).lean();
      return !initiative || !['draft', 'active'].includes(initiative.status);
    },

    /** A measurement link works only while its benefit is followed up in an active initiative. */
    async followUpEnded(token: LinkToken): Promise<boolean> {
      const [benefit, initiative] = await Promise.all([models.Benefit.findById(token.benefitId).lean(), models.Initiative.findById(token.initiativeId).lean()]);
      return !benefit || benefit.realised === true || initiative?.status !== 'active';
    },
  };
}

/** Go-live is confirmed or sent back, never rejected. */
export const decisionChoices = (token: Pick<LinkToken, 'allowedActions' | 'step'>) =>
  token.allowedActions.filter((action) => !(token.step === 'confirmation' && action === 'reject'));

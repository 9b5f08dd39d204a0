// What a link page shows: the facts of the initiative, the request and the person's language.
import { localeOf } from '../../domain/people.js';
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
  allowedActions: string[];
}

export function createViewModels(models: Models) {
  return {
    async localeOf(personId: string) {
      return localeOf(await models.Person.findById(personId).lean());
    },

    async decision(token: LinkToken, error?: string): Promise<DecisionFormModel> {
      const [initiative, person] = await Promise.all([models.Initiative.findById(token.initiativeId).lean(), models.Person.findById(token.personId).lean()]);
      const [service, goals, benefits] = await Promise.all([
        initiative ? models.Service.findById(initiative.serviceId).lean() : null,
        initiative ? models.Goal.find({ _id: { $in: initiative.goalLinks.map((l) => l.goalId) } }).lean() : [],
        token.gate === 'owner-signoff' ? models.Benefit.find({ initiativeId: token.initiativeId }).lean() : [],
      ]);
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
        error,
      };
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

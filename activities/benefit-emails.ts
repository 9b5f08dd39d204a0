// Emails of benefit follow-up: the measurement request with its form link, and the off-track
// notice to the governance role.
import type { ActivityDeps } from './deps.js';
import { deliverOnce } from './delivery.js';
import { actionUrl, consoleUrl as consoleUrlOf, linkExpiry } from '../domain/links.js';
import { localeOf } from '../domain/people.js';
import { actionFor } from './email/compose.js';
import { formatDate, T, type Locale } from './email/texts.js';
import { governanceOf } from '../domain/gates.js';
import { loadBoard, loadInitiative, loadPeople } from './loading.js';
import { issueActionToken } from './tokens.js';

export function createBenefitEmailActivities(deps: ActivityDeps) {
  const { models, publicUrl, clock } = deps;
  const consoleUrl = (initiativeId: string) => consoleUrlOf(publicUrl, 'initiatives', initiativeId);

  async function load(benefitId: string) {
    const benefit = await models.Benefit.findById(benefitId).lean();
    if (!benefit) throw new Error(`benefit ${benefitId} not found`);
    const initiative = await loadInitiative(models, benefit.initiativeId);
    return { benefit, initiative };
  }

  function benefitFacts(benefit: Awaited<ReturnType<typeof load>>['benefit'], locale: Locale): [string, string][] {
    const m = T[locale].measurement;
    return [
      [m.indicator, `${benefit.indicator} (${benefit.unit})`],
      [m.baseline, `${benefit.baseline} ${benefit.unit}`],
      [m.target, `${benefit.target} ${benefit.unit} (${benefit.followUpUntil.toISOString().slice(0, 10)})`],
      [m.latest, benefit.latestValue === null || benefit.latestValue === undefined ? '–' : `${benefit.latestValue} ${benefit.unit}`],
      [m.dataSource, benefit.dataSource || '–'],
    ];
  }

  return {
    async requestMeasurement(ref: { initiativeId: string; benefitId: string; request: number; round: number }): Promise<void> {
      const { benefit, initiative } = await load(ref.benefitId);
      const owner = (await loadPeople(models, [benefit.ownerId])).get(benefit.ownerId);
      if (!owner) return;
      const locale = localeOf(owner);
      const t = T[locale];
      const key = `${ref.initiativeId}:benefit:${ref.benefitId}:request:${ref.request}`;
      await deliverOnce(deps, {
        key,
        kind: 'measurement-request',
        to: { id: String(owner._id), email: owner.email },
        initiativeId: ref.initiativeId,
        gate: 'benefit-realisation',
        content: async () => {
          const token = await issueActionToken(models, {
            initiativeId: ref.initiativeId,
            gate: 'benefit-realisation',
            step: 'decision',
            round: ref.round,
            key,
            personId: String(owner._id),
            purpose: 'measurement',
            benefitId: ref.benefitId,
            allowedActions: ['report'],
            expiresAt: linkExpiry(clock(), deps.linkLifetimeDays),
          });
          return {
            locale,
            subject: t.subjects.measurement(benefit.title, initiative.title),
            greeting: t.greeting(owner.name),
            lead: t.measurement.lead,
            facts: [[t.initiative, initiative.title], ...benefitFacts(benefit, locale), [t.deadline, formatDate(benefit.nextMeasurementDue?.toISOString() ?? null, locale) ?? t.noDeadline]],
            action: actionFor(locale, actionUrl(publicUrl, token)),
            consoleUrl: consoleUrl(ref.initiativeId),
          };
        },
      });
    },

    /** Governance (a board's members and the named person) hears when a benefit falls behind its line. */
    async notifyOffTrack(ref: { initiativeId: string; benefitId: string; measurementId: string }): Promise<void> {
      const { benefit, initiative } = await load(ref.benefitId);
      const ids = governanceOf(initiative, await loadBoard(models, initiative.boardId));
      for (const governance of (await loadPeople(models, ids)).values()) await tellGovernance(governance, benefit, initiative, ref);
    },
  };

  async function tellGovernance(
    governance: { _id: unknown; name: string; email: string; locale?: string | null },
    benefit: Awaited<ReturnType<typeof load>>['benefit'],
    initiative: Awaited<ReturnType<typeof load>>['initiative'],
    ref: { initiativeId: string; benefitId: string; measurementId: string },
  ) {
    const locale = localeOf(governance);
    const t = T[locale];
    // The named governance person keeps the key of the days before boards, so a retried send stays single.
    const named = String(governance._id) === initiative.governanceId;
    await deliverOnce(deps, {
      key: `${ref.initiativeId}:benefit:${ref.benefitId}:off-track:${ref.measurementId}${named ? '' : `:${String(governance._id)}`}`,
      kind: 'notification',
      to: { id: String(governance._id), email: governance.email },
      initiativeId: ref.initiativeId,
      gate: 'benefit-realisation',
      content: async () => ({
        locale,
        subject: t.subjects.offTrack(benefit.title, initiative.title),
        greeting: t.greeting(governance.name),
        lead: t.measurement.offTrackLead,
        facts: [[t.initiative, initiative.title], ...benefitFacts(benefit, locale)],
        consoleUrl: consoleUrl(ref.initiativeId),
      }),
    });
  }
}

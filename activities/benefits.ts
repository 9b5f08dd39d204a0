// Benefit follow-up: measurement requests on each benefit's cadence, evaluation of every
// measurement into the benefit's read model, and the final evaluation of the gate.
import { benefitStatus, outcomeOf, realisedValuePerYear, sustainedStreak } from '../domain/benefits.js';
import { addDuration } from '../domain/calendar.js';
import type { LadderStep } from '../domain/escalation.js';
import { decisionLadder } from '../domain/ladder.js';
import type { FollowedBenefit, RecordedMeasurement } from '../domain/exchange.js';
import type { PolicyValues } from '../domain/policy.js';
import type { Band, BenefitOutcome } from '../domain/types.js';
import type { Models } from '../store/models/index.js';
import type { ActivityDeps } from './deps.js';
import { loadBenefits, loadInitiative } from './loading.js';
import { eventsFor, type EventPublisher } from './events.js';
import { policyFor } from './policies.js';

export interface BenefitEvaluation {
  realised: boolean;
  band: Band | null;
  becameOffTrack: boolean;
  measurementId: string | null;
}

/**
 * Recomputes a benefit's read model from its measurements: band and achievement from the latest,
 * and realised only once the target has held for the policy's number of consecutive measurements
 * (DFØ: a benefit is realised when it lasts, not the first time a value touches the target).
 */
export async function evaluateBenefit(
  models: Models,
  benefitId: string,
  policy: Pick<PolicyValues, 'offTrackTolerance' | 'sustainedMeasurements'>,
  measurement?: RecordedMeasurement,
  events?: EventPublisher,
): Promise<BenefitEvaluation> {
  const benefit = await models.Benefit.findById(benefitId).lean();
  if (!benefit) return { realised: false, band: null, becameOffTrack: false, measurementId: null };
  const needed = Math.max(1, policy.sustainedMeasurements);
  const recent = await recentMeasurements(models, benefit, measurement);
  const latest = recent[0];
  const plan = {
    baseline: benefit.baseline,
    target: benefit.target,
    direction: benefit.direction,
    followUpStartedAt: benefit.followUpStartedAt ?? null,
    baselineDate: benefit.baselineDate,
    followUpUntil: benefit.followUpUntil,
  };
  const status = benefitStatus(plan, latest ? { value: latest.value, measuredAt: latest.measuredAt } : null, policy.offTrackTolerance);
  const streak = sustainedStreak(plan, recent.slice(0, needed).map((m) => m.value));
  const realised = streak >= needed;
  await events?.benefitEvaluated(benefit, { ...status, realised }, latest ? latest.id : null, latest?.measuredAt ?? new Date());
  await models.Benefit.updateOne(
    { _id: benefitId },
    {
      $set: {
        ...status,
        realised,
        targetStreak: streak,
        recentMeasurements: recent,
        latestMeasuredAt: latest?.measuredAt ?? null,
        realisedValuePerYear: realisedValuePerYear(benefit.valuePerYear, status.achievement),
      },
    },
  );
  return {
    realised,
    band: status.band,
    becameOffTrack: status.band === 'off-track' && benefit.band !== 'off-track',
    measurementId: latest ? latest.id : null,
  };
}

/** How many of a benefit's newest measurements it keeps with it (enough for any sustained rule). */
const RECENT_KEPT = 12;

/**
 * A benefit's newest measurements, newest first: those it keeps with it plus the one just told of,
 * so evaluating never searches the measurements collection; a benefit from before it kept them
 * is read once from there.
 */
async function recentMeasurements(models: Models, benefit: { _id: unknown; recentMeasurements?: RecordedMeasurementOf[] | null }, told?: RecordedMeasurement) {
  let kept: RecordedMeasurementOf[];
  if (Array.isArray(benefit.recentMeasurements) && (told || benefit.recentMeasurements.length)) {
    kept = benefit.recentMeasurements.map((m) => ({ ...m, measuredAt: new Date(m.measuredAt) }));
  } else {
    const stored = await models.Measurement.find({ benefitId: String(benefit._id) }).sort({ measuredAt: -1, createdAt: -1 }).limit(RECENT_KEPT).lean();
    kept = stored.map((m) => ({ id: String(m._id), value: m.value, measuredAt: m.measuredAt }));
  }
  if (told && !kept.some((m) => m.id === told.id)) kept.push({ id: told.id, value: told.value, measuredAt: new Date(told.measuredAt) });
  return kept.sort((a, b) => b.measuredAt.getTime() - a.measuredAt.getTime()).slice(0, RECENT_KEPT);
}

type RecordedMeasurementOf = { id: string; value: number; measuredAt: Date };

export function createBenefitActivities(deps: ActivityDeps) {
  const { models, clock } = deps;
  const events = eventsFor(deps);
  const followed = (b: { _id: unknown; nextMeasurementDue?: Date | null; followUpUntil: Date; realised?: boolean | null }): FollowedBenefit => ({
    id: String(b._id),
    nextDueAt: (b.nextMeasurementDue ?? clock()).toISOString(),
    until: b.followUpUntil.toISOString(),
    requestedAt: null,
    closed: Boolean(b.realised),
    realised: Boolean(b.realised),
    requests: 0,
  });

  return {
    /** Go-live: every benefit's line starts now, and its first measurement falls due one cadence later. */
    async startFollowUp(ref: { initiativeId: string }): Promise<FollowedBenefit[]> {
      const now = clock();
      const policy = await policyFor(models, 'benefit-realisation');
      const benefits = await loadBenefits(models, await loadInitiative(models, ref.initiativeId));
      const started = [];
      for (const benefit of benefits) {
        const followUpStartedAt = benefit.followUpStartedAt ?? now;
        const nextMeasurementDue = addDuration(followUpStartedAt, benefit.measureEvery, policy.calendar);
        await models.Benefit.updateOne({ _id: benefit._id }, { $set: { followUpStartedAt, nextMeasurementDue } });
        started.push(followed({ ...benefit, nextMeasurementDue }));
      }
      return started;
    },

    async planFollowUpLadder(ref: { from: string }): Promise<LadderStep[]> {
      return decisionLadder(await policyFor(models, 'benefit-realisation'), new Date(ref.from));
    },

    /** After a measurement (or a missed one), when the next request goes out. */
    async scheduleNextMeasurement(ref: { benefitId: string; from: string; initiativeId?: string }): Promise<string> {
      const policy = await policyFor(models, 'benefit-realisation');
      const benefit = await models.Benefit.findById(ref.benefitId).lean();
      const next = addDuration(new Date(ref.from), benefit!.measureEvery, policy.calendar);
      await models.Benefit.updateOne({ _id: ref.benefitId }, { $set: { nextMeasurementDue: next } });
      return next.toISOString();
    },

    async evaluateBenefit(ref: { benefitId: string; initiativeId?: string; measurement?: RecordedMeasurement }): Promise<BenefitEvaluation> {
      return evaluateBenefit(models, ref.benefitId, await policyFor(models, 'benefit-realisation'), ref.measurement, events);
    },

    async closeFollowUp(ref: { initiativeId: string }): Promise<BenefitOutcome> {
      const benefits = await loadBenefits(models, await loadInitiative(models, ref.initiativeId));
      for (const benefit of benefits) await models.Benefit.updateOne({ _id: benefit._id }, { $set: { nextMeasurementDue: null } });
      return outcomeOf(benefits.map((b) => Boolean(b.realised)));
    },
  };
}

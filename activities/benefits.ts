// Benefit follow-up: measurement requests on each benefit's cadence, evaluation of every
// measurement into the benefit's read model, and the final evaluation of the gate.
import { benefitStatus, outcomeOf, realisedValuePerYear } from '../domain/benefits.js';
import { addDuration } from '../domain/calendar.js';
import type { LadderStep } from '../domain/escalation.js';
import { decisionLadder } from '../domain/ladder.js';
import type { FollowedBenefit } from '../domain/exchange.js';
import type { Band, BenefitOutcome } from '../domain/types.js';
import type { Models } from '../store/models/index.js';
import type { ActivityDeps } from './deps.js';
import { eventsFor, type EventPublisher } from './events.js';
import { policyFor } from './policies.js';

export interface BenefitEvaluation {
  realised: boolean;
  band: Band | null;
  becameOffTrack: boolean;
  measurementId: string | null;
}

/** Recomputes a benefit's read model from its latest measurement. */
async function evaluate(models: Models, benefitId: string, tolerance: number, events?: EventPublisher): Promise<BenefitEvaluation> {
  const benefit = await models.Benefit.findById(benefitId).lean();
  if (!benefit) return { realised: false, band: null, becameOffTrack: false, measurementId: null };
  const latest = await models.Measurement.findOne({ benefitId }).sort({ measuredAt: -1, createdAt: -1 }).lean();
  const status = benefitStatus(
    {
      baseline: benefit.baseline,
      target: benefit.target,
      direction: benefit.direction,
      followUpStartedAt: benefit.followUpStartedAt ?? null,
      baselineDate: benefit.baselineDate,
      followUpUntil: benefit.followUpUntil,
    },
    latest ? { value: latest.value, measuredAt: latest.measuredAt } : null,
    tolerance,
  );
  await events?.benefitEvaluated(benefit, status, latest ? String(latest._id) : null, latest?.measuredAt ?? new Date());
  await models.Benefit.updateOne(
    { _id: benefitId },
    { $set: { ...status, latestMeasuredAt: latest?.measuredAt ?? null, realisedValuePerYear: realisedValuePerYear(benefit.valuePerYear, status.achievement) } },
  );
  return {
    realised: status.realised,
    band: status.band,
    becameOffTrack: status.band === 'off-track' && benefit.band !== 'off-track',
    measurementId: latest ? String(latest._id) : null,
  };
}

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
      const benefits = await models.Benefit.find({ initiativeId: ref.initiativeId });
      for (const benefit of benefits) {
        benefit.followUpStartedAt ??= now;
        benefit.nextMeasurementDue = addDuration(benefit.followUpStartedAt, benefit.measureEvery, policy.calendar);
        await benefit.save();
      }
      return benefits.map((b) => followed(b));
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

    async evaluateBenefit(ref: { benefitId: string; initiativeId?: string }): Promise<BenefitEvaluation> {
      const policy = await policyFor(models, 'benefit-realisation');
      return evaluate(models, ref.benefitId, policy.offTrackTolerance, events);
    },

    async closeFollowUp(ref: { initiativeId: string }): Promise<BenefitOutcome> {
      const benefits = await models.Benefit.find({ initiativeId: ref.initiativeId }).lean();
      await models.Benefit.updateMany({ initiativeId: ref.initiativeId }, { $set: { nextMeasurementDue: null } });
      return outcomeOf(benefits.map((b) => Boolean(b.realised)));
    },
  };
}

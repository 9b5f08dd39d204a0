// Benefit follow-up: measurement requests on each benefit's cadence, evaluation of every
// measurement, and the final evaluation of the gate.
import { addDuration } from '../domain/calendar.js';
import { refreshBenefit } from '../store/benefit-store.js';
import { outcomeOf } from '../domain/benefits.js';
import type { BenefitOutcome } from '../domain/types.js';
import type { FollowedBenefit, LadderStep } from '../workflows/definitions.js';
import type { ActivityDeps } from './deps.js';
import { decisionLadder, policyFor } from './ladder.js';

export function createBenefitActivities({ models, clock }: ActivityDeps) {
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
    async scheduleNextMeasurement(ref: { benefitId: string; from: string }): Promise<string> {
      const policy = await policyFor(models, 'benefit-realisation');
      const benefit = await models.Benefit.findById(ref.benefitId).lean();
      const next = addDuration(new Date(ref.from), benefit!.measureEvery, policy.calendar);
      await models.Benefit.updateOne({ _id: ref.benefitId }, { $set: { nextMeasurementDue: next } });
      return next.toISOString();
    },

    async evaluateBenefit(ref: { benefitId: string }): Promise<{ realised: boolean; band: string | null; becameOffTrack: boolean; measurementId: string | null }> {
      const policy = await policyFor(models, 'benefit-realisation');
      const refreshed = await refreshBenefit(models, ref.benefitId, policy.offTrackTolerance);
      if (!refreshed) return { realised: false, band: null, becameOffTrack: false, measurementId: null };
      return {
        realised: refreshed.realised,
        band: refreshed.band,
        becameOffTrack: refreshed.band === 'off-track' && refreshed.previousBand !== 'off-track',
        measurementId: refreshed.latestMeasurementId,
      };
    },

    async closeFollowUp(ref: { initiativeId: string }): Promise<BenefitOutcome> {
      const benefits = await models.Benefit.find({ initiativeId: ref.initiativeId }).lean();
      await models.Benefit.updateMany({ initiativeId: ref.initiativeId }, { $set: { nextMeasurementDue: null } });
      return outcomeOf(benefits.map((b) => Boolean(b.realised)));
    },
  };
}

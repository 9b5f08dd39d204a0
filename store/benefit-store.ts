// Recomputes a benefit's read model from its measurements; used by activities and the API.
import { benefitStatus, type BenefitStatus } from '../domain/benefits.js';
import type { Models } from './models/index.js';

export interface RefreshedBenefit extends BenefitStatus {
  previousBand: string | null;
  initiativeId: string;
  latestMeasurementId: string | null;
}

export async function refreshBenefit(models: Models, benefitId: string, tolerance: number): Promise<RefreshedBenefit | null> {
  const benefit = await models.Benefit.findById(benefitId).lean();
  if (!benefit) return null;
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
  await models.Benefit.updateOne(
    { _id: benefitId },
    { $set: { ...status, latestMeasuredAt: latest?.measuredAt ?? null } },
  );
  return {
    ...status,
    previousBand: benefit.band ?? null,
    initiativeId: benefit.initiativeId,
    latestMeasurementId: latest ? String(latest._id) : null,
  };
}

// Recording a measurement, whichever way it arrives (console, API, emailed link): store it, then
// let the workflow evaluate it when the initiative is in benefit follow-up.
import { refreshBenefit } from '../store/benefit-store.js';
import { DEFAULT_POLICIES } from '../domain/policy-defaults.js';
import type { Channel } from '../domain/types.js';
import type { AppContext } from './context.js';
import { invalid, notFound } from './errors.js';

export interface MeasurementInput {
  benefitId: string;
  value: number;
  measuredAt: Date;
  note: string;
  reportedById: string | null;
  channel: Channel;
  requestKey?: string | null;
}

export async function recordMeasurement(context: AppContext, input: MeasurementInput) {
  const { models } = context.db;
  const benefit = await models.Benefit.findById(input.benefitId).lean();
  if (!benefit) throw notFound('benefit');
  if (input.measuredAt.getTime() > Date.now() + 60_000) throw invalid({ measuredAt: 'cannot be in the future' });
  const measurement = await models.Measurement.create({ ...input, initiativeId: benefit.initiativeId });
  const initiative = await models.Initiative.findById(benefit.initiativeId).lean();
  if (initiative?.status === 'active' && initiative.gate === 'benefit-realisation') {
    // The workflow evaluates it (band, realised, off-track notice) and reschedules the next request.
    try {
      await context.workflows.measurementRecorded(benefit.initiativeId, input.benefitId);
      return measurement;
    } catch (error) {
      // The measurement is stored either way; the read model is brought up to date here and the
      // workflow sees it with the next measurement.
      console.warn(`measurement ${String(measurement._id)} stored, but the workflow was not told: ${String(error)}`);
    }
  }
  const policy = await models.Policy.findById('benefit-realisation').lean();
  await refreshBenefit(models, input.benefitId, policy?.offTrackTolerance ?? DEFAULT_POLICIES['benefit-realisation'].offTrackTolerance);
  return measurement;
}

// Recording a measurement, whichever way it arrives (console, API, emailed link): store it and
// tell the initiative's workflow, which evaluates it (band, realised, off-track notice) as the
// one writer of the benefit. A measurement the workflow cannot be told about is taken back, so
// the caller can try again and nothing is half done.
import type { Channel } from '../domain/types.js';
import type { AppContext } from './context.js';
import { AppError, invalid, notFound } from './errors.js';

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
  const initiative = await models.Initiative.findById(benefit.initiativeId).lean();
  if (initiative?.status !== 'active') {
    throw new AppError(409, 'wrong-state', `the initiative is ${initiative?.status ?? 'gone'}; its benefits are no longer followed up`);
  }
  const measurement = await models.Measurement.create({ ...input, initiativeId: benefit.initiativeId });
  try {
    await context.workflows.measurementRecorded(benefit.initiativeId, {
      benefitId: input.benefitId,
      measurement: { id: String(measurement._id), value: input.value, measuredAt: input.measuredAt.toISOString() },
    });
  } catch (error) {
    await models.Measurement.deleteOne({ _id: measurement._id });
    throw error;
  }
  return measurement;
}

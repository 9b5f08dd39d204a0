// POST /api/measurements — a measurement from the console or an integration.
import { Router } from 'express';
import { isValidObjectId } from 'mongoose';
import { z } from 'zod';
import { currentUser, requireAuth } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { forbidden, invalid } from '../errors.js';
import { recordMeasurement } from '../measurements.js';
import { mayRecordMeasurement } from '../../domain/gates.js';
import { channelOf } from '../request.js';
import { parseBody } from '../validation.js';

const measurementBody = z.strictObject({
  benefitId: z.string().refine(isValidObjectId, 'not a valid id'),
  value: z.number().finite(),
  measuredAt: z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), 'not a valid date'),
  note: z.string().max(2000).default(''),
});

export function createMeasurementsRouter(context: AppContext): Router {
  const { models } = context.db;
  const router = Router();
  router.post('/', requireAuth, async (req, res) => {
    const body = parseBody(measurementBody, req.body);
    const benefit = await models.Benefit.findById(body.benefitId).lean();
    if (!benefit) throw invalid({ benefitId: 'no such benefit' });
    const initiative = await models.Initiative.findById(benefit.initiativeId).lean();
    if (!mayRecordMeasurement(currentUser(req), benefit, initiative ?? {})) throw forbidden('only the benefit owner, the service owner, the project manager or an administrator may report measurements');
    const measurement = await recordMeasurement(context, {
      ...body,
      reportedById: currentUser(req).id,
      channel: channelOf(req),
    });
    res.status(201).json(measurement.toJSON());
  });
  return router;
}

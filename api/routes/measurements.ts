// POST /api/measurements — a measurement from the console or an integration.
import { Router } from 'express';
import { mayRecordMeasurement } from '../../domain/gates.js';
import { currentUser, requireAuth } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { forbidden, invalid } from '../errors.js';
import { recordMeasurement } from '../measurements.js';
import { channelOf } from '../request.js';
import { measurementBody } from '../schemas.js';
import { parseBody } from '../validation.js';

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

// Scoreboards for the console (benefits per service owner and per strategic goal, with NOK a
// year) and the printable benefit realisation reports, per service owner and per initiative.
// Portfolio data: every logged-in active account may read them.
import { Router } from 'express';
import { requireAuth } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { goalsScoreboard, ownersScoreboard } from '../reports/scoreboards.js';
import { sendInitiativeReport, sendOwnerReport } from '../reports/send.js';

export function createReportsRouter(context: AppContext): Router {
  const { models } = context.db;
  const router = Router();
  router.use(requireAuth);

  router.get('/owners', async (_req, res) => {
    res.json(await ownersScoreboard(models));
  });

  router.get('/goals', async (_req, res) => {
    res.json(await goalsScoreboard(models));
  });

  router.get('/owners/:personId/report', (req, res) => sendOwnerReport(context, req, res));

  return router;
}

/** `GET /api/initiatives/{id}/report`, mounted beside the initiative's actions. */
export function createInitiativeReportRouter(context: AppContext): Router {
  const router = Router();
  router.get('/:id/report', requireAuth, (req, res) => sendInitiativeReport(context, req, res));
  return router;
}

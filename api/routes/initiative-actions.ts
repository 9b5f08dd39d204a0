// Decisions, progress reports and admin actions on an initiative. Each goes to the workflow as
// an update, so the workflow decides what is valid; the answer is the new read model.
import { Router, type Request } from 'express';
import { isValidObjectId } from 'mongoose';
import { z } from 'zod';
import { mayDecide, mayReportProgress } from '../../domain/gates.js';
import { ADMIN_ACTIONS, DECISIONS, GATES, GATE_STEPS } from '../../domain/types.js';
import { currentUser, requireAuth, requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { originOf } from '../request.js';
import { parseBody } from '../validation.js';

const decisionBody = z.strictObject({
  gate: z.enum(GATES),
  decision: z.enum(DECISIONS),
  comment: z.string().max(2000).default(''),
  conditions: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
  step: z.enum(GATE_STEPS).optional(),
});

const progressBody = z.strictObject({
  percent: z.number().min(0).max(100),
  note: z.string().max(2000).default(''),
});

const adminBody = z.strictObject({
  action: z.enum(ADMIN_ACTIONS),
  reason: z.string().trim().min(3, 'give a reason of at least 3 characters').max(2000),
  personId: z.string().optional(),
});

export function createInitiativeActionsRouter(context: AppContext): Router {
  const { models } = context.db;
  const router = Router();

  async function load(req: Request) {
    const id = String(req.params.id);
    const initiative = isValidObjectId(id) ? await models.Initiative.findById(id) : null;
    if (!initiative) throw notFound('initiative');
    return initiative;
  }

  const answer = async (id: string) => (await models.Initiative.findById(id))!.toJSON();

  router.post('/:id/decisions', requireAuth, async (req, res) => {
    const body = parseBody(decisionBody, req.body);
    const initiative = await load(req);
    const step = body.step ?? (body.gate === initiative.gate ? initiative.gateStep ?? 'decision' : 'decision');
    if (!mayDecide(currentUser(req), initiative, body.gate, step)) {
      throw forbidden(`your role may not decide ${body.gate}${step === 'confirmation' ? ' (confirmation)' : ''} for this initiative`);
    }
    await context.workflows.decide(String(initiative._id), {
      gate: body.gate,
      step,
      decision: body.decision,
      comment: body.comment,
      conditions: body.conditions,
      ...originOf(req),
    });
    res.json(await answer(String(initiative._id)));
  });

  router.post('/:id/progress', requireAuth, async (req, res) => {
    const body = parseBody(progressBody, req.body);
    const initiative = await load(req);
    if (!mayReportProgress(currentUser(req), initiative)) throw forbidden('only the project manager, a change agent of the initiative or an administrator may report progress');
    await context.workflows.reportProgress(String(initiative._id), {
      percent: body.percent,
      note: body.note,
      ...originOf(req),
    });
    res.json(await answer(String(initiative._id)));
  });

  router.post('/:id/admin', requireAuth, requireRole('admin'), async (req, res) => {
    const body = parseBody(adminBody, req.body);
    const initiative = await load(req);
    if (body.action === 'reassign') {
      if (!body.personId) throw invalid({ personId: 'reassign needs the person who takes over' });
      const person = isValidObjectId(body.personId) ? await models.Person.findById(body.personId).lean() : null;
      if (!person) throw invalid({ personId: 'no such person' });
    }
    await context.workflows.admin(String(initiative._id), {
      action: body.action,
      reason: body.reason,
      personId: body.personId,
      ...originOf(req),
    });
    res.json(await answer(String(initiative._id)));
  });

  router.get('/:id/workflow', requireAuth, async (req, res) => {
    const initiative = await load(req);
    res.json(await context.workflows.state(String(initiative._id)));
  });

  return router;
}


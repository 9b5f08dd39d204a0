// Actions on the records of governance, each sent to the initiative's workflow (its one writer):
// closing a condition, answering a plan change, deciding a benefit review, recording a harvest.
import { Router, type Request } from 'express';
import { isValidObjectId, type Model } from 'mongoose';
import type { z } from 'zod';
import { mayCloseCondition } from '../../domain/conditions.js';
import { deputyAt, isAdministrator } from '../../domain/gates.js';
import { mayAnswerPlanChange, mayDecideReview, mayRecordHarvest } from '../../domain/respondents.js';
import { loadBoard, loadPeople } from '../../store/lookups.js';
import { auditRequest } from '../audit.js';
import { currentUser, requireAuth } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { mayDecideNow } from '../deciders.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { originOf } from '../request.js';
import { conditionCloseBody, harvestBody, planChangeAnswerBody, reviewDecisionBody } from '../schemas.js';
import { parseBody } from '../validation.js';

export function createGovernanceRouter(context: AppContext): Router {
  const { models } = context.db;
  const { workflows } = context;
  // Mounted on /api itself: each route asks for a login, so an unknown path stays a 404.
  const router = Router();
  const initiativeOf = async (id: string) => (await models.Initiative.findById(id).lean())!;
  type Initiative = Awaited<ReturnType<typeof initiativeOf>>;

  /**
   * One action on a record: load it and its initiative, validate the body, check who acts, send
   * the update to the workflow (or, once the initiative has ended and nothing else writes, write
   * it here), and answer with the record after it.
   */
  function action<R extends { initiativeId: string }, T>(
    path: string,
    model: Model<any>,
    schema: z.ZodType<T>,
    check: (req: Request, record: R, initiative: Initiative, body: T) => Promise<void> | void,
    send: (req: Request, record: R, initiative: Initiative, body: T) => Promise<unknown>,
  ) {
    router.post(path, requireAuth, async (req, res) => {
      const id = String(req.params.id);
      const record = (await model.findById(isValidObjectId(id) || id.length === 24 ? id : null).lean()) as R | null;
      if (!record) throw notFound(path.split('/')[1]);
      const body = parseBody(schema, req.body);
      const initiative = await initiativeOf(record.initiativeId);
      await check(req, record, initiative, body);
      await send(req, record, initiative, body);
      res.json((await model.findById(id))!.toJSON());
    });
  }

  /** Who stands in for the initiative's service owner right now. */
  async function serviceOwnersDeputy(initiative: { serviceOwnerId: string }) {
    const owner = (await loadPeople(models, [initiative.serviceOwnerId])).get(initiative.serviceOwnerId);
    const deputy = deputyAt(owner, new Date());
    return (personId: string) => (personId === initiative.serviceOwnerId ? deputy : null);
  }

  action(
    '/conditions/:id/close',
    models.Condition,
    conditionCloseBody,
    async (req, condition: { initiativeId: string; ownerId: string; gate: 'goal-alignment'; status: string }, initiative, body) => {
      const actor = currentUser(req);
      const decider = body.status === 'waived' && (await mayDecideNow(models, actor, initiative, condition.gate, 'decision'));
      if (!mayCloseCondition(body.status, actor.id, isAdministrator(actor), condition, decider)) {
        throw forbidden(body.status === 'met' ? "a condition is marked met by its owner" : "a condition is waived by whoever may decide its gate");
      }
      if (condition.status !== 'open') throw new AppError(409, 'wrong-state', `the condition is already ${condition.status}`);
    },
    (req, condition: { _id?: unknown; initiativeId: string }, _initiative, body) =>
      workflows.closeCondition(condition.initiativeId, { conditionId: String(condition._id), ...body, ...originOf(req) }),
  );

  action(
    '/plan-changes/:id/decide',
    models.PlanChange,
    planChangeAnswerBody,
    async (req, change: { initiativeId: string; status: string }, initiative) => {
      if (!mayAnswerPlanChange(currentUser(req), initiative, await serviceOwnersDeputy(initiative))) throw forbidden('a plan change is accepted or rejected by the service owner');
      if (change.status !== 'pending') throw new AppError(409, 'wrong-state', `the plan change is already ${change.status}`);
    },
    (req, change: { _id?: unknown; initiativeId: string }, _initiative, body) =>
      workflows.answerPlanChange(change.initiativeId, { planChangeId: String(change._id), ...body, ...originOf(req) }),
  );

  action(
    '/reviews/:id/decide',
    models.Review,
    reviewDecisionBody,
    async (req, review: { initiativeId: string; status: string }, initiative, body) => {
      if (!mayDecideReview(currentUser(req), initiative, await loadBoard(models, initiative.boardId))) throw forbidden('benefit reviews are decided by governance');
      if (review.status !== 'open') throw new AppError(409, 'wrong-state', 'the review has already been decided');
      if (body.benefitId && !(await models.Benefit.exists({ _id: body.benefitId, initiativeId: review.initiativeId }))) throw new AppError(400, 'invalid', 'no such benefit on this initiative', { benefitId: 'no such benefit on this initiative' });
    },
    (req, review: { _id?: unknown; initiativeId: string }, _initiative, body) =>
      workflows.decideReview(review.initiativeId, { reviewId: String(review._id), ...body, ...originOf(req) }),
  );

  action(
    '/benefits/:id/harvest',
    models.Benefit,
    harvestBody,
    async (req, benefit: { initiativeId: string; ownerId: string; realised?: boolean | null }, initiative) => {
      if (!mayRecordHarvest(currentUser(req), benefit, initiative, await serviceOwnersDeputy(initiative))) {
        throw forbidden('how a benefit was taken out is recorded by its owner or the service owner');
      }
      if (!benefit.realised) throw new AppError(409, 'wrong-state', 'the benefit is not realised yet');
    },
    async (req, benefit: { _id?: unknown; initiativeId: string }, initiative, body) => {
      const origin = originOf(req);
      if (initiative.status === 'active') return workflows.recordHarvest(benefit.initiativeId, { benefitId: String(benefit._id), ...body, ...origin });
      // The initiative has ended and its workflow with it: nothing else writes the benefit now.
      await models.Benefit.updateOne({ _id: benefit._id }, { $set: { harvest: { ...body, byId: origin.actorId, at: new Date() } } });
      await auditRequest(models, req, 'benefit.harvested', { benefitId: String(benefit._id), how: body.how, note: body.note }, benefit.initiativeId);
    },
  );

  return router;
}

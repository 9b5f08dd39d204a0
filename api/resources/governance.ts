// The governance resources: boards, gate checklists (id = gate), and the records decisions and
// follow-up leave — conditions, plan changes, reviews, comments and readiness. Conditions, plan
// changes and reviews change only through their action routes (routes/governance.ts), which go to
// the initiative's workflow; comments and readiness are inserts.
import { isPlanChange } from '../../domain/edits.js';
import { maySayReadiness } from '../../domain/respondents.js';
import { Types } from 'mongoose';
import { auditRequest } from '../audit.js';
import { currentUser } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { AppError, forbidden, invalid } from '../errors.js';
import { channelOf, originOf } from '../request.js';
import { benefitBody, boardBody, checklistBody, commentBody, planChangeBody, readinessBody } from '../schemas.js';
import { parseBody } from '../validation.js';
import { changedOnly, withoutServerFields } from './changes.js';
import type { ResourceSpec } from './crud.js';

const byInitiative = { initiativeId: 'id', gate: 'enum' } as const;

export function governanceResources(context: AppContext): ResourceSpec[] {
  const { models } = context.db;

  async function activeInitiative(initiativeId: string) {
    const initiative = await models.Initiative.findById(initiativeId).lean();
    if (!initiative) throw invalid({ initiativeId: 'no such initiative' });
    if (initiative.status !== 'active' && initiative.status !== 'draft') throw new AppError(409, 'wrong-state', `the initiative is ${initiative.status}`);
    return initiative;
  }

  async function checkPeople(ids: (string | null | undefined)[], field: string) {
    const wanted = ids.filter((id): id is string => Boolean(id));
    const found = await models.Person.countDocuments({ _id: { $in: wanted }, active: { $ne: false } });
    if (found !== new Set(wanted).size) throw invalid({ [field]: 'names someone who does not exist or is deactivated' });
  }

  const boards: ResourceSpec = {
    name: 'boards',
    model: models.Board,
    filters: { chairId: 'id', memberIds: 'id' },
    searchFields: ['name'],
    sortable: ['id', 'name', 'createdAt'],
    defaultSort: ['name', 'ASC'],
    async create(req) {
      const body = parseBody(boardBody, req.body);
      await checkPeople([body.chairId, ...(body.memberIds ?? [])], 'memberIds');
      const board = await models.Board.create(body);
      await auditRequest(models, req, 'board.created', { boardId: String(board._id), ...body });
      return board;
    },
    async update(req, existing) {
      const body = changedOnly(parseBody(boardBody.partial(), withoutServerFields(req.body, existing.toJSON(), [])), existing.toJSON());
      await checkPeople([body.chairId, ...(body.memberIds ?? [])], 'memberIds');
      existing.set(body);
      await existing.save();
      await auditRequest(models, req, 'board.updated', { boardId: String(existing._id), ...body });
      return existing;
    },
    async remove(req, existing) {
      if (await models.Initiative.exists({ boardId: String(existing._id), status: { $in: ['draft', 'active'] } })) {
        throw new AppError(409, 'conflict', 'initiatives under way name this board');
      }
      await existing.deleteOne();
      await auditRequest(models, req, 'board.deleted', { boardId: String(existing._id) });
    },
  };

  const checklists: ResourceSpec = {
    name: 'checklists',
    model: models.Checklist,
    idIsObjectId: false,
    filters: {},
    searchFields: [],
    sortable: ['id'],
    defaultSort: ['id', 'ASC'],
    async update(req, existing) {
      const body = parseBody(checklistBody.partial(), withoutServerFields(req.body, existing.toJSON(), []));
      existing.set(body);
      await existing.save();
      await auditRequest(models, req, 'checklist.updated', { gate: String(existing._id), items: body.items?.map((i) => i.key) });
      return existing;
    },
  };

  const planChanges: ResourceSpec = {
    name: 'plan-changes',
    model: models.PlanChange,
    filters: { ...byInitiative, benefitId: 'id', status: 'enum' },
    searchFields: ['reason'],
    sortable: ['id', 'createdAt', 'status'],
    defaultSort: ['createdAt', 'DESC'],
    async create(req) {
      const body = parseBody(planChangeBody, req.body);
      const benefit = await models.Benefit.findById(body.benefitId).lean();
      if (!benefit) throw invalid({ benefitId: 'no such benefit' });
      const initiative = await activeInitiative(benefit.initiativeId);
      const changes = parseBody(benefitBody.omit({ initiativeId: true }).partial(), body.changes);
      if (!isPlanChange(initiative.gate, 'update', Object.keys(changes))) {
        throw new AppError(409, 'wrong-state', 'the plan is not accepted yet, or nothing in it changes: edit the benefit instead');
      }
      const planChangeId = String(new Types.ObjectId());
      await context.workflows.editBenefitPlan(benefit.initiativeId, { operation: 'update', benefitId: body.benefitId, fields: changes, planChangeId, reason: body.reason, ...originOf(req) });
      return (await models.PlanChange.findById(planChangeId))!;
    },
  };

  const comments: ResourceSpec = {
    name: 'comments',
    model: models.Comment,
    filters: { ...byInitiative, authorId: 'id', channel: 'enum' },
    searchFields: ['text'],
    sortable: ['id', 'at'],
    defaultSort: ['at', 'DESC'],
    // Anyone may speak up on an initiative under way; what they say is kept per gate.
    async create(req) {
      const body = parseBody(commentBody, req.body);
      const initiative = await activeInitiative(body.initiativeId);
      return models.Comment.create({ ...body, gate: body.gate ?? initiative.gate, authorId: currentUser(req).id, channel: channelOf(req), at: new Date() });
    },
  };

  const readiness: ResourceSpec = {
    name: 'readiness',
    model: models.Readiness,
    filters: { initiativeId: 'id', unit: 'string', status: 'enum', personId: 'id' },
    searchFields: ['unit', 'note'],
    sortable: ['id', 'at', 'unit'],
    defaultSort: ['at', 'DESC'],
    async create(req) {
      const body = parseBody(readinessBody, req.body);
      const initiative = await activeInitiative(body.initiativeId);
      const actor = currentUser(req);
      if (!maySayReadiness(actor, initiative)) throw forbidden("a unit's readiness is said by the initiative's change agents or its project manager");
      return models.Readiness.create({ ...body, personId: actor.id, channel: channelOf(req), at: new Date() });
    },
  };

  return [
    boards,
    checklists,
    { name: 'conditions', model: models.Condition, idIsObjectId: false, filters: { ...byInitiative, ownerId: 'id', status: 'enum' }, searchFields: ['text'], sortable: ['id', 'dueAt', 'status', 'createdAt'], defaultSort: ['dueAt', 'ASC'] },
    planChanges,
    { name: 'reviews', model: models.Review, idIsObjectId: false, filters: { initiativeId: 'id', status: 'enum', decision: 'enum' }, searchFields: ['note'], sortable: ['id', 'dueAt', 'at'], defaultSort: ['dueAt', 'DESC'] },
    comments,
    readiness,
  ];
}

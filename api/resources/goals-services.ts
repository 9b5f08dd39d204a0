// Strategic goals and services. Who may change them is in domain/access.ts (checked by crud.ts).
import { auditRequest, changes } from '../audit.js';
import type { AppContext } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { parseBody } from '../validation.js';
import type { ResourceSpec } from './crud.js';
import { changedOnly, withoutServerFields } from './changes.js';
import { goalBody, serviceBody } from '../schemas.js';
import { parentProblems, periodProblems } from '../../domain/goals.js';

export function goalsResource({ db }: AppContext): ResourceSpec {
  const { models } = db;
  /**
   * Rules across fields and records, on the goal as it would be saved: the period runs forwards,
   * the parent is another goal not below this one, the owner is an active person. One read of
   * the goals (their parents) per write.
   */
  const checkGoal = async (goalId: string | null, goal: { periodFrom?: number | null; periodTo?: number | null; parentId?: string | null; ownerId?: string | null }, changed: Record<string, unknown>) => {
    const problems: Record<string, string> = periodProblems(goal);
    if ('parentId' in changed && goal.parentId) {
      const goals = await models.Goal.find({}, { code: 1, parentId: 1 }).lean();
      Object.assign(problems, parentProblems(goalId, goal.parentId, new Map(goals.map((g) => [String(g._id), { id: String(g._id), code: g.code, parentId: g.parentId }]))));
    }
    if ('ownerId' in changed && goal.ownerId) {
      const owner = await models.Person.findById(goal.ownerId, { active: 1 }).lean();
      if (!owner || owner.active === false) problems.ownerId = 'must be an active person';
    }
    if (Object.keys(problems).length) throw invalid(problems);
  };
  return {
    name: 'goals',
    model: models.Goal,
    filters: { active: 'boolean', code: 'string', weight: 'number', parentId: 'id', ownerId: 'id', plan: 'string' },
    searchFields: ['code', 'title', 'description', 'plan'],
    sortable: ['id', 'code', 'title', 'weight', 'active', 'plan', 'periodFrom', 'periodTo', 'createdAt'],
    defaultSort: ['code', 'ASC'],
    async create(req) {
      const body = parseBody(goalBody, req.body);
      await checkGoal(null, body, body);
      const goal = await models.Goal.create(body);
      await auditRequest(models, req, 'goal.created', { goalId: String(goal._id), ...body });
      return goal;
    },
    async update(req, existing) {
      const body = changedOnly(parseBody(goalBody.partial(), withoutServerFields(req.body, existing.toJSON(), [])), existing.toJSON());
      await checkGoal(String(existing._id), { ...existing.toJSON(), ...body }, body);
      existing.set(body);
      await existing.save();
      await auditRequest(models, req, 'goal.updated', { goalId: String(existing._id), ...changes(body) });
      return existing;
    },
    async remove(req, existing) {
      if (await models.Initiative.exists({ goalIds: String(existing._id) })) {
        throw new AppError(409, 'conflict', 'initiatives are linked to this goal; mark it inactive instead');
      }
      if (await models.Goal.exists({ parentId: String(existing._id) })) {
        throw new AppError(409, 'conflict', 'sub-goals belong to this goal; move or delete them first');
      }
      await existing.deleteOne();
      await auditRequest(models, req, 'goal.deleted', { goalId: String(existing._id) });
    },
  };
}

export function servicesResource({ db }: AppContext): ResourceSpec {
  const { models } = db;
  const checkOwner = async (ownerId: string | undefined) => {
    if (ownerId === undefined) return;
    const owner = await models.Person.findById(ownerId).lean();
    if (!owner?.roles.includes('service-owner')) throw invalid({ ownerId: 'must be a person with the service-owner role' });
  };
  return {
    name: 'services',
    model: models.Service,
    filters: { ownerId: 'id' },
    searchFields: ['name', 'description'],
    sortable: ['id', 'name', 'createdAt'],
    defaultSort: ['name', 'ASC'],
    async create(req) {
      const body = parseBody(serviceBody, req.body);
      await checkOwner(body.ownerId);
      const service = await models.Service.create(body);
      await auditRequest(models, req, 'service.created', { serviceId: String(service._id), ...body });
      return service;
    },
    async update(req, existing) {
      const body = changedOnly(parseBody(serviceBody.partial(), withoutServerFields(req.body, existing.toJSON(), [])), existing.toJSON());
      await checkOwner(body.ownerId);
      existing.set(body);
      await existing.save();
      await auditRequest(models, req, 'service.updated', { serviceId: String(existing._id), ...body });
      return existing;
    },
    async remove(req, existing) {
      if (await models.Initiative.exists({ serviceId: String(existing._id) })) throw new AppError(409, 'conflict', 'initiatives belong to this service');
      await existing.deleteOne();
      await auditRequest(models, req, 'service.deleted', { serviceId: String(existing._id) });
    },
  };
}


import type { Request } from 'express';
import { auditRequest } from '../audit.js';
import { currentUser, isAdmin } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { AppError, forbidden, invalid } from '../errors.js';
import { workflowIdFor } from '../../workflows/definitions.js';
import { parseBody } from '../validation.js';
import type { ResourceSpec } from './crud.js';
import { withoutServerFields } from './readonly.js';
import { initiativeBody } from './schemas.js';

const READ_MODEL = [
  'gate', 'gateStep', 'status', 'stalled', 'escalationLevel', 'gateEnteredAt', 'gateDueAt', 'waitingOnId', 'progressPercent',
  'lastProgressAt', 'priorityScore', 'workflowId', 'benefitOutcome', 'completedAt', 'goalIds',
];

type InitiativeInput = ReturnType<typeof initiativeBody.parse>;

export function initiativesResource(context: AppContext): ResourceSpec {
  const { models } = context.db;

  /**
   * Every reference must exist with a fitting role; answers field errors for those that do not.
   * A goal retired after the initiative was linked to it stays acceptable on that initiative, so
   * editing the title does not force the project manager to unlink it.
   */
  async function checkReferences(body: Partial<InitiativeInput>, alreadyLinked: string[] = []) {
    const problems: Record<string, string> = {};
    const withRole = async (field: string, id: string | undefined, role: string) => {
      if (!id) return;
      const person = await models.Person.findById(id).lean();
      if (!person) problems[field] = 'no such person';
      else if (!person.roles.includes(role as never)) problems[field] = `must be a person with the ${role} role`;
    };
    if (body.serviceId && !(await models.Service.exists({ _id: body.serviceId }))) problems.serviceId = 'no such service';
    await withRole('projectManagerId', body.projectManagerId, 'project-manager');
    await withRole('serviceOwnerId', body.serviceOwnerId, 'service-owner');
    await withRole('governanceId', body.governanceId, 'governance');
    for (const [i, id] of (body.changeAgentIds ?? []).entries()) await withRole(`changeAgentIds.${i}`, id, 'change-agent');
    for (const [i, id] of (body.enthusiastIds ?? []).entries()) await withRole(`enthusiastIds.${i}`, id, 'enthusiast');
    let priorityScore: number | undefined;
    if (body.goalLinks) {
      const goals = await models.Goal.find({ _id: { $in: body.goalLinks.map((l) => l.goalId) } }).lean();
      const byId = new Map(goals.map((g) => [String(g._id), g]));
      priorityScore = 0;
      for (const [i, link] of body.goalLinks.entries()) {
        const goal = byId.get(link.goalId);
        if (!goal) problems[`goalLinks.${i}.goalId`] = 'no such goal';
        else if (!goal.active && !alreadyLinked.includes(link.goalId)) problems[`goalLinks.${i}.goalId`] = 'the goal is not active';
        else priorityScore += link.contribution * goal.weight;
      }
      if (new Set(body.goalLinks.map((l) => l.goalId)).size !== body.goalLinks.length) problems.goalLinks = 'each goal may be linked once';
    }
    if (Object.keys(problems).length) throw invalid(problems);
    return priorityScore;
  }

  function mayEdit(req: Request, initiative: { projectManagerId: string }) {
    return isAdmin(req) || currentUser(req).id === initiative.projectManagerId;
  }

  return {
    name: 'initiatives',
    model: models.Initiative,
    filters: {
      gate: 'enum', status: 'enum', kind: 'enum', stalled: 'boolean', escalationLevel: 'number', serviceId: 'id',
      projectManagerId: 'id', governanceId: 'id', serviceOwnerId: 'id', goalIds: 'id', benefitOutcome: 'enum',
    },
    searchFields: ['title', 'description'],
    sortable: ['id', 'title', 'priorityScore', 'gate', 'status', 'gateEnteredAt', 'gateDueAt', 'escalationLevel', 'createdAt', 'updatedAt'],
    defaultSort: ['priorityScore', 'DESC'],
    async create(req) {
      const user = currentUser(req);
      if (!isAdmin(req) && !user.roles.includes('project-manager')) throw forbidden('only project managers and administrators register initiatives');
      const body = parseBody(initiativeBody, req.body);
      if (!body.serviceOwnerId) {
        const service = await models.Service.findById(body.serviceId).lean();
        if (!service) throw invalid({ serviceId: 'no such service' });
        body.serviceOwnerId = service.ownerId;
      }
      const priorityScore = await checkReferences(body);
      // The workflow id is known before the start, so nothing is written to the document after the
      // workflow runs: its activities write the read model, and FerretDB may lose one of two
      // concurrent updates to a document.
      const initiative = new models.Initiative({ ...body, priorityScore, goalIds: body.goalLinks.map((l) => l.goalId) });
      initiative.workflowId = workflowIdFor(String(initiative._id));
      await initiative.save();
      try {
        await context.workflows.start(String(initiative._id), body.kind);
      } catch (error) {
        // Without its workflow the initiative would be a ghost: take it back.
        await initiative.deleteOne();
        throw error;
      }
      await auditRequest(models, req, 'initiative.created', { title: body.title, kind: body.kind }, String(initiative._id));
      return initiative;
    },
    async update(req, existing) {
      if (!mayEdit(req, existing)) throw forbidden('only the initiative\'s project manager or an administrator may edit it');
      const body = parseBody(initiativeBody.omit({ kind: true }).partial(), withoutServerFields(req.body, existing.toJSON(), ['kind'], READ_MODEL));
      const priorityScore = await checkReferences(body, existing.goalIds ?? []);
      existing.set({ ...body, ...(body.goalLinks ? { priorityScore, goalIds: body.goalLinks.map((l) => l.goalId) } : {}) });
      await existing.save();
      await auditRequest(models, req, 'initiative.updated', { fields: Object.keys(body) }, String(existing._id));
      return existing;
    },
    async remove(req, existing) {
      if (!isAdmin(req)) throw forbidden('only administrators delete initiatives');
      if (existing.status === 'active') throw new AppError(409, 'wrong-state', 'cancel the initiative before deleting it');
      await existing.deleteOne();
      await auditRequest(models, req, 'initiative.deleted', { title: existing.title }, String(existing._id));
    },
  };
}

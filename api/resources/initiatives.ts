// Initiatives. Creating one saves it and starts its workflow; from then on the workflow is its
// only writer, so an edit is an update to the workflow (checked there against the gate it is in)
// and the answer is the read model after it.
import type { Request } from 'express';
import { INITIATIVE_EDITABLE, INITIATIVE_FIXED, type InitiativeChanges } from '../../domain/edits.js';
import { mayDeleteInitiative, mayEditInitiative, PARTY_ROLES } from '../../domain/gates.js';
import { goalLinkProblems, priorityScore } from '../../domain/goal-links.js';
import { INITIATIVE_READ_MODEL } from '../../domain/read-model.js';
import { loadGoalFacts, loadPeople } from '../../store/lookups.js';
import type { Models } from '../../store/models/index.js';
import { workflowIdFor } from '../../workflows/definitions.js';
import { auditRequest } from '../audit.js';
import { currentUser } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { publishInitiativeSubmitted } from '../events.js';
import { AppError, forbidden, invalid } from '../errors.js';
import { originOf } from '../request.js';
import { parseBody } from '../validation.js';
import { changedOnly, submittedChanges } from './changes.js';
import type { ResourceSpec } from './crud.js';
import { initiativeBody, newInitiativeBody } from '../schemas.js';

type InitiativeInput = ReturnType<typeof initiativeBody.parse>;

/** Every reference must exist with a fitting role; answers field errors for those that do not. */
async function checkReferences(models: Models, body: Partial<InitiativeInput>, alreadyLinked: string[] = []) {
  const problems: Record<string, string> = {};
  const named: [string, string | null | undefined, string][] = [
    ['projectManagerId', body.projectManagerId, PARTY_ROLES.projectManagerId],
    ['serviceOwnerId', body.serviceOwnerId, PARTY_ROLES.serviceOwnerId],
    ['governanceId', body.governanceId, PARTY_ROLES.governanceId],
    ...(body.changeAgentIds ?? []).map((id, i): [string, string, string] => [`changeAgentIds.${i}`, id, PARTY_ROLES.changeAgentIds]),
    ...(body.enthusiastIds ?? []).map((id, i): [string, string, string] => [`enthusiastIds.${i}`, id, PARTY_ROLES.enthusiastIds]),
  ];
  const people = await loadPeople(models, named.map(([, id]) => id));
  for (const [field, id, role] of named) {
    if (!id) continue;
    const person = people.get(id);
    if (!person) problems[field] = 'no such person';
    else if (!person.roles.includes(role as never)) problems[field] = `must be a person with the ${role} role`;
    else if (person.active === false) problems[field] = 'this person is deactivated';
  }
  if (body.serviceId && !(await models.Service.exists({ _id: body.serviceId }))) problems.serviceId = 'no such service';
  if (body.boardId && !(await models.Board.exists({ _id: body.boardId }))) problems.boardId = 'no such board';
  if (body.goalLinks) Object.assign(problems, goalLinkProblems(body.goalLinks, await loadGoalFacts(models, body.goalLinks.map((l) => l.goalId)), alreadyLinked));
  if (Object.keys(problems).length) throw invalid(problems);
}

export function initiativesResource(context: AppContext): ResourceSpec {
  const { models } = context.db;

  return {
    name: 'initiatives',
    model: models.Initiative,
    filters: {
      gate: 'enum', gateStep: 'enum', status: 'enum', kind: 'enum', stalled: 'boolean', escalationLevel: 'number', serviceId: 'id',
      projectManagerId: 'id', governanceId: 'id', boardId: 'id', serviceOwnerId: 'id', goalIds: 'id', benefitOutcome: 'enum', waitingOnIds: 'id',
    },
    searchFields: ['title', 'description'],
    sortable: ['id', 'title', 'priorityScore', 'gate', 'status', 'gateEnteredAt', 'gateDueAt', 'escalationLevel', 'createdAt', 'updatedAt'],
    defaultSort: ['priorityScore', 'DESC'],
    async create(req) {
      const { draft, ...body } = parseBody(newInitiativeBody, req.body);
      if (!body.governanceId && !body.boardId) throw invalid({ governanceId: 'name a governance person or a board (boardId)' });
      if (!body.serviceOwnerId) {
        const service = await models.Service.findById(body.serviceId).lean();
        if (!service) throw invalid({ serviceId: 'no such service' });
        body.serviceOwnerId = service.ownerId;
      }
      await checkReferences(models, body);
      const goalLinks = body.goalLinks ?? [];
      const kind = body.kind ?? 'project';
      // Saved with its workflow id before the workflow starts; after that only the workflow writes it.
      const initiative = new models.Initiative({
        ...body,
        kind,
        status: draft ? 'draft' : 'active',
        priorityScore: priorityScore(goalLinks, await loadGoalFacts(models, goalLinks.map((l) => l.goalId))),
        goalIds: goalLinks.map((l) => l.goalId),
      });
      initiative.workflowId = workflowIdFor(String(initiative._id));
      await initiative.save();
      try {
        await context.workflows.start(String(initiative._id), kind, { draft: Boolean(draft) });
      } catch (error) {
        // Without its workflow the initiative would be a ghost: take it back.
        await initiative.deleteOne();
        throw error;
      }
      await auditRequest(models, req, 'initiative.created', { title: body.title, kind, draft: Boolean(draft) }, String(initiative._id));
      // A draft is submitted later, through its workflow (recordSubmission publishes it then).
      if (!draft) await publishInitiativeSubmitted(context, { id: String(initiative._id), title: body.title }, originOf(req));
      return initiative;
    },
    async update(req, existing) {
      if (!mayEditInitiative(currentUser(req), existing)) throw forbidden("only the initiative's project manager or an administrator may edit it");
      const editable = submittedChanges(req.body, existing.toJSON(), INITIATIVE_FIXED, INITIATIVE_READ_MODEL);
      const body = parseBody(initiativeBody.omit({ kind: true }).partial(), editable);
      const changes = changedOnly(body, existing.toJSON());
      if (Object.keys(changes).length === 0) return existing;
      if (existing.status !== 'active' && existing.status !== 'draft') throw new AppError(409, 'wrong-state', `the initiative is ${existing.status} and can no longer be changed`);
      if ('governanceId' in changes || 'boardId' in changes) {
        const merged = { ...existing.toObject(), ...changes };
        if (!merged.governanceId && !merged.boardId) throw invalid({ governanceId: 'name a governance person or a board (boardId)' });
      }
      await checkReferences(models, changes, existing.goalIds ?? []);
      await context.workflows.edit(String(existing._id), { changes: pick(changes as InitiativeChanges, INITIATIVE_EDITABLE), ...originOf(req) });
      return (await models.Initiative.findById(existing._id))!;
    },
    async remove(req, existing) {
      if (!mayDeleteInitiative(currentUser(req), existing)) {
        if (existing.status === 'active') throw new AppError(409, 'wrong-state', 'cancel the initiative before deleting it');
        throw forbidden('only administrators delete initiatives');
      }
      await existing.deleteOne();
      await auditRequest(models, req, 'initiative.deleted', { title: existing.title }, String(existing._id));
    },
  };
}

function pick<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as T;
}

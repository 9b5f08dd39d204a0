// Benefit plans. Once an initiative's workflow runs it is the only writer of its benefits too, so
// creating, changing or deleting a benefit is an update to that workflow, which refuses what the
// gate does not allow (the plan the service owner accepted stands).
import type { Request } from 'express';
import { Types } from 'mongoose';
import { planProblems } from '../../domain/benefits.js';
import { BENEFIT_FIXED, isPlanChange, planIsAccepted, type BenefitOperation } from '../../domain/edits.js';
import type { Gate } from '../../domain/types.js';
import { mayEditBenefitPlan } from '../../domain/gates.js';
import { BENEFIT_PLAN_RECORD, BENEFIT_READ_MODEL } from '../../domain/read-model.js';
import { currentUser } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { AppError, forbidden, invalid } from '../errors.js';
import { originOf } from '../request.js';
import { parseBody } from '../validation.js';
import { changedOnly, submittedChanges } from './changes.js';
import type { ResourceSpec } from './crud.js';
import { benefitBody } from '../schemas.js';

export function benefitsResource(context: AppContext): ResourceSpec {
  const { models } = context.db;

  async function initiativeFor(req: Request, initiativeId: string) {
    const initiative = await models.Initiative.findById(initiativeId).lean();
    if (!initiative) throw invalid({ initiativeId: 'no such initiative' });
    if (!mayEditBenefitPlan(currentUser(req), initiative)) {
      throw forbidden('only the project manager, the service owner or an administrator edit the benefit plan');
    }
    if (initiative.status !== 'active' && initiative.status !== 'draft') throw new AppError(409, 'wrong-state', `the initiative is ${initiative.status}; its benefit plan can no longer be changed`);
    return initiative;
  }

  async function checkOwner(ownerId: string | undefined) {
    if (ownerId && !(await models.Person.exists({ _id: ownerId }))) throw invalid({ ownerId: 'no such person' });
  }

  /**
   * Sends the edit to the workflow. After owner sign-off a change to the plan waits for the
   * service owner: it goes as a plan change, and the answer is 202 with the pending change.
   */
  async function send(req: Request, initiative: { _id: unknown; gate: Gate }, operation: BenefitOperation, benefitId: string, fields: Record<string, unknown>) {
    const initiativeId = String(initiative._id);
    const planChangeId = isPlanChange(initiative.gate, operation, Object.keys(fields)) ? String(new Types.ObjectId()) : undefined;
    const reason = typeof req.body?.reason === 'string' ? req.body.reason : undefined;
    await context.workflows.editBenefitPlan(initiativeId, { operation, benefitId, fields, planChangeId, reason, ...originOf(req) });
    const change = planChangeId ? await models.PlanChange.findById(planChangeId) : null;
    return change ? { accepted: change } : null;
  }

  return {
    name: 'benefits',
    model: models.Benefit,
    filters: { initiativeId: 'id', ownerId: 'id', band: 'enum', category: 'enum', realised: 'boolean', onTrack: 'boolean', direction: 'enum', withdrawn: 'boolean' },
    searchFields: ['title', 'indicator'],
    sortable: ['id', 'title', 'nextMeasurementDue', 'achievement', 'band', 'followUpUntil', 'createdAt'],
    defaultSort: ['createdAt', 'ASC'],
    async create(req) {
      const { initiativeId, ...body } = parseBody(benefitBody, req.body);
      const initiative = await initiativeFor(req, initiativeId);
      const problems = planProblems(body);
      if (Object.keys(problems).length) throw invalid(problems);
      await checkOwner(body.ownerId);
      const benefitId = String(new Types.ObjectId());
      const waiting = await send(req, initiative, 'create', benefitId, { ...body, ownerId: body.ownerId ?? initiative.serviceOwnerId });
      return waiting ?? (await models.Benefit.findById(benefitId))!;
    },
    async update(req, existing) {
      const initiative = await initiativeFor(req, existing.initiativeId);
      const { reason: _reason, ...submitted } = (req.body ?? {}) as Record<string, unknown>;
      const editable = submittedChanges(submitted, existing.toJSON(), BENEFIT_FIXED, [...BENEFIT_READ_MODEL, ...BENEFIT_PLAN_RECORD]);
      const body = parseBody(benefitBody.omit({ initiativeId: true }).partial(), editable);
      const changes = changedOnly(body, existing.toJSON());
      if (Object.keys(changes).length === 0) return existing;
      const problems = planProblems({ ...existing.toObject(), ...changes });
      if (Object.keys(problems).length) throw invalid(problems);
      await checkOwner(changes.ownerId);
      const waiting = await send(req, initiative, 'update', String(existing._id), changes);
      return waiting ?? (await models.Benefit.findById(existing._id))!;
    },
    async remove(req, existing) {
      const initiative = await initiativeFor(req, existing.initiativeId);
      // Before sign-off a benefit with measurements stays (they are kept); after, removal is a plan change.
      if (!planIsAccepted(initiative.gate) && (await models.Measurement.exists({ benefitId: String(existing._id) }))) {
        throw new AppError(409, 'wrong-state', 'the benefit has measurements, which are kept; change its plan instead of deleting it');
      }
      return (await send(req, initiative, 'delete', String(existing._id), {})) ?? undefined;
    },
  };
}

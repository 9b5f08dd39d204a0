// Benefit plans. Once an initiative's workflow runs it is the only writer of its benefits too, so
// creating, changing or deleting a benefit is an update to that workflow, which refuses what the
// gate does not allow (the plan the service owner accepted stands).
import type { Request } from 'express';
import { Types } from 'mongoose';
import { planProblems } from '../../domain/benefits.js';
import { BENEFIT_FIXED, type BenefitOperation } from '../../domain/edits.js';
import { mayEditBenefitPlan } from '../../domain/gates.js';
import { BENEFIT_READ_MODEL } from '../../domain/read-model.js';
import { currentUser } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { AppError, forbidden, invalid } from '../errors.js';
import { originOf } from '../request.js';
import { parseBody } from '../validation.js';
import { changedOnly, withoutServerFields } from './changes.js';
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
    if (initiative.status !== 'active') throw new AppError(409, 'wrong-state', `the initiative is ${initiative.status}; its benefit plan can no longer be changed`);
    return initiative;
  }

  async function checkOwner(ownerId: string | undefined) {
    if (ownerId && !(await models.Person.exists({ _id: ownerId }))) throw invalid({ ownerId: 'no such person' });
  }

  async function send(req: Request, initiativeId: string, operation: BenefitOperation, benefitId: string, fields: Record<string, unknown>) {
    await context.workflows.editBenefitPlan(initiativeId, { operation, benefitId, fields, ...originOf(req) });
  }

  return {
    name: 'benefits',
    model: models.Benefit,
    filters: { initiativeId: 'id', ownerId: 'id', band: 'enum', category: 'enum', realised: 'boolean', onTrack: 'boolean', direction: 'enum' },
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
      await send(req, initiativeId, 'create', benefitId, { ...body, ownerId: body.ownerId ?? initiative.serviceOwnerId });
      return (await models.Benefit.findById(benefitId))!;
    },
    async update(req, existing) {
      await initiativeFor(req, existing.initiativeId);
      const editable = withoutServerFields(req.body, existing.toJSON(), BENEFIT_FIXED, BENEFIT_READ_MODEL);
      const body = parseBody(benefitBody.omit({ initiativeId: true }).partial(), editable);
      const changes = changedOnly(body, existing.toJSON());
      if (Object.keys(changes).length === 0) return existing;
      const problems = planProblems({ ...existing.toObject(), ...changes });
      if (Object.keys(problems).length) throw invalid(problems);
      await checkOwner(changes.ownerId);
      await send(req, existing.initiativeId, 'update', String(existing._id), changes);
      return (await models.Benefit.findById(existing._id))!;
    },
    async remove(req, existing) {
      await initiativeFor(req, existing.initiativeId);
      if (await models.Measurement.exists({ benefitId: String(existing._id) })) {
        throw new AppError(409, 'wrong-state', 'the benefit has measurements, which are kept; change its plan instead of deleting it');
      }
      await send(req, existing.initiativeId, 'delete', String(existing._id), {});
    },
  };
}

import type { Request } from 'express';
import { auditRequest } from '../audit.js';
import { currentUser, isAdmin } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { forbidden, invalid } from '../errors.js';
import { parseBody } from '../validation.js';
import type { ResourceSpec } from './crud.js';
import { withoutServerFields } from './readonly.js';
import { benefitBody, checkBenefit } from './schemas.js';

const READ_MODEL = ['latestValue', 'latestMeasuredAt', 'achievement', 'band', 'onTrack', 'realised', 'nextMeasurementDue', 'followUpStartedAt'];

export function benefitsResource({ db }: AppContext): ResourceSpec {
  const { models } = db;

  async function initiativeFor(req: Request, initiativeId: string) {
    const initiative = await models.Initiative.findById(initiativeId).lean();
    if (!initiative) throw invalid({ initiativeId: 'no such initiative' });
    const user = currentUser(req);
    if (!isAdmin(req) && user.id !== initiative.projectManagerId && user.id !== initiative.serviceOwnerId) {
      throw forbidden('only the project manager, the service owner or an administrator edit the benefit plan');
    }
    return initiative;
  }

  async function checkOwner(ownerId: string | undefined) {
    if (ownerId && !(await models.Person.exists({ _id: ownerId }))) throw invalid({ ownerId: 'no such person' });
  }

  return {
    name: 'benefits',
    model: models.Benefit,
    filters: { initiativeId: 'id', ownerId: 'id', band: 'enum', category: 'enum', realised: 'boolean', onTrack: 'boolean', direction: 'enum' },
    searchFields: ['title', 'indicator'],
    sortable: ['id', 'title', 'nextMeasurementDue', 'achievement', 'band', 'followUpUntil', 'createdAt'],
    defaultSort: ['createdAt', 'ASC'],
    async create(req) {
      const body = parseBody(benefitBody, req.body);
      const initiative = await initiativeFor(req, body.initiativeId);
      const problems = checkBenefit(body);
      if (Object.keys(problems).length) throw invalid(problems);
      await checkOwner(body.ownerId);
      const benefit = await models.Benefit.create({ ...body, ownerId: body.ownerId ?? initiative.serviceOwnerId });
      await auditRequest(models, req, 'benefit.created', { benefitId: String(benefit._id), title: body.title }, body.initiativeId);
      return benefit;
    },
    async update(req, existing) {
      const body = parseBody(benefitBody.omit({ initiativeId: true }).partial(), withoutServerFields(req.body, existing.toJSON(), ['initiativeId'], READ_MODEL));
      await initiativeFor(req, existing.initiativeId);
      const merged = { ...existing.toObject(), ...body };
      const problems = checkBenefit(merged);
      if (Object.keys(problems).length) throw invalid(problems);
      await checkOwner(body.ownerId);
      existing.set(body);
      await existing.save();
      await auditRequest(models, req, 'benefit.updated', { benefitId: String(existing._id), fields: Object.keys(body) }, existing.initiativeId);
      return existing;
    },
    async remove(req, existing) {
      await initiativeFor(req, existing.initiativeId);
      await models.Measurement.deleteMany({ benefitId: String(existing._id) });
      await existing.deleteOne();
      await auditRequest(models, req, 'benefit.deleted', { benefitId: String(existing._id) }, existing.initiativeId);
    },
  };
}

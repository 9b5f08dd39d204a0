import { ladderOrderProblems } from '../../domain/policy.js';
import { auditRequest } from '../audit.js';
import type { AppContext } from '../context.js';
import { invalid } from '../errors.js';
import { parseBody } from '../validation.js';
import type { ResourceSpec } from './crud.js';
import { withoutServerFields } from './changes.js';
import { policyBody } from '../schemas.js';

export function policiesResource({ db }: AppContext): ResourceSpec {
  const { models } = db;
  return {
    name: 'policies',
    model: models.Policy,
    idIsObjectId: false,
    filters: { calendar: 'enum' },
    searchFields: [],
    sortable: ['id'],
    defaultSort: ['id', 'ASC'],
    async update(req, existing) {
      const body = parseBody(policyBody.partial(), withoutServerFields(req.body, existing.toJSON(), []));
      const merged = { ...existing.toObject(), ...body };
      const problems = ladderOrderProblems(merged);
      if (Object.keys(problems).length) throw invalid(problems);
      existing.set(body);
      await existing.save();
      await auditRequest(models, req, 'policy.updated', { gate: String(existing._id), ...body });
      return existing;
    },
  };
}

import { parseDuration } from '../../domain/calendar.js';
import { auditRequest } from '../audit.js';
import { isAdmin } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { forbidden, invalid } from '../errors.js';
import { parseBody } from '../validation.js';
import type { ResourceSpec } from './crud.js';
import { withoutServerFields } from './readonly.js';
import { policyBody } from './schemas.js';

/** Rough length in seconds, only to check that the ladder's steps come in order. */
function approximateSeconds(iso: string): number {
  const d = parseDuration(iso);
  return (d.years ?? 0) * 31_536_000 + (d.months ?? 0) * 2_592_000 + (d.weeks ?? 0) * 604_800 + (d.days ?? 0) * 86_400 + (d.hours ?? 0) * 3_600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0);
}

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
      if (!isAdmin(req)) throw forbidden('only administrators change escalation policies');
      const body = parseBody(policyBody.partial(), withoutServerFields(req.body, existing.toJSON(), []));
      const merged = { ...existing.toObject(), ...body };
      const [remind, escalate, stalled] = [merged.remindAfter, merged.escalateAfter, merged.stalledAfter].map(approximateSeconds);
      if (escalate < remind) throw invalid({ escalateAfter: 'must not come before remindAfter' });
      if (stalled < escalate) throw invalid({ stalledAfter: 'must not come before escalateAfter' });
      existing.set(body);
      await existing.save();
      await auditRequest(models, req, 'policy.updated', { gate: String(existing._id), ...body });
      return existing;
    },
  };
}

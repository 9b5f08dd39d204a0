// Read-only resources: what happened. Everyone reads measurements and decisions; emails and the
// audit trail are narrowed to what concerns the caller unless they are an administrator
// (domain/access.ts says which; the filters here say what "concerns" means).
import { trusted } from 'mongoose';
import type { Request } from 'express';
import { currentUser } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import type { ResourceSpec } from './crud.js';
import type { FilterKind } from './list-query.js';

type Spec = Omit<ResourceSpec, 'name' | 'model'>;

const spec = (filters: Record<string, FilterKind>, searchFields: string[], sortable: string[], defaultSort: [string, 'ASC' | 'DESC'], more: Partial<Spec> = {}): Spec => ({
  filters,
  searchFields,
  sortable: ['id', ...sortable],
  defaultSort,
  ...more,
});

export function readOnlyResources({ db }: AppContext): ResourceSpec[] {
  const { models } = db;

  /** The initiatives a person is named on, in any role. */
  async function initiativesOf(req: Request): Promise<string[]> {
    const id = currentUser(req).id;
    const parties = ['projectManagerId', 'serviceOwnerId', 'governanceId', 'changeAgentIds', 'enthusiastIds'].map((field) => ({ [field]: id }));
    const initiatives = await models.Initiative.find({ $or: parties }, { _id: 1 }).lean();
    return initiatives.map((i) => String(i._id));
  }

  return [
    { name: 'measurements', model: models.Measurement, ...spec({ benefitId: 'id', initiativeId: 'id', channel: 'enum', reportedById: 'id' }, ['note'], ['measuredAt', 'value', 'createdAt'], ['measuredAt', 'ASC']) },
    { name: 'decisions', model: models.Decision, ...spec({ initiativeId: 'id', gate: 'enum', decision: 'enum', channel: 'enum', byId: 'id' }, ['comment'], ['at', 'gate', 'decision'], ['at', 'DESC']) },
    {
      name: 'emails',
      model: models.Email,
      ...spec({ initiativeId: 'id', kind: 'enum', status: 'enum', to: 'string', toId: 'id' }, ['subject', 'to'], ['sentAt', 'createdAt', 'kind', 'status'], ['createdAt', 'DESC'], {
        ownFilter: async (req) => ({ toId: currentUser(req).id }),
      }),
    },
    {
      name: 'audit',
      model: models.Audit,
      ...spec({ initiativeId: 'id', action: 'string', channel: 'enum', actorId: 'id' }, ['action'], ['at', 'action'], ['at', 'DESC'], {
        ownFilter: async (req) => ({ initiativeId: trusted({ $in: await initiativesOf(req) }) }),
      }),
    },
  ];
}

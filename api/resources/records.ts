// Read-only resources: what happened. Admin-only where it shows other people's mail.
import type { AppContext } from '../context.js';
import type { ResourceSpec } from './crud.js';

export function readOnlyResources({ db }: AppContext): ResourceSpec[] {
  const { models } = db;
  return [
    {
      name: 'measurements',
      model: models.Measurement,
      filters: { benefitId: 'id', initiativeId: 'id', channel: 'enum', reportedById: 'id' },
      searchFields: ['note'],
      sortable: ['id', 'measuredAt', 'value', 'createdAt'],
      defaultSort: ['measuredAt', 'ASC'],
    },
    {
      name: 'decisions',
      model: models.Decision,
      filters: { initiativeId: 'id', gate: 'enum', decision: 'enum', channel: 'enum', byId: 'id' },
      searchFields: ['comment'],
      sortable: ['id', 'at', 'gate', 'decision'],
      defaultSort: ['at', 'DESC'],
    },
    {
      name: 'emails',
      model: models.Email,
      filters: { initiativeId: 'id', kind: 'enum', status: 'enum', to: 'string', toId: 'id' },
      searchFields: ['subject', 'to'],
      sortable: ['id', 'sentAt', 'createdAt', 'kind', 'status'],
      defaultSort: ['createdAt', 'DESC'],
    },
    {
      name: 'audit',
      model: models.Audit,
      filters: { initiativeId: 'id', action: 'string', channel: 'enum', actorId: 'id' },
      searchFields: ['action'],
      sortable: ['id', 'at', 'action'],
      defaultSort: ['at', 'DESC'],
    },
  ];
}


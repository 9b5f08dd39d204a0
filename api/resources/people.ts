import { SESSION_SENSITIVE_FIELDS } from '../../domain/accounts.js';
import { auditRequest, changes } from '../audit.js';
import { hashPassword } from '../auth/passwords.js';
import { currentUser } from '../auth/middleware.js';
import { endSessionsOf } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { parseBody } from '../validation.js';
import type { ResourceSpec } from './crud.js';
import { changedOnly, withoutServerFields } from './changes.js';
import { personBody } from '../schemas.js';

export function peopleResource({ db }: AppContext): ResourceSpec {
  const { models } = db;
  async function checkManager(managerId: string | null | undefined, selfId?: string) {
    if (!managerId) return;
    if (managerId === selfId) throw invalid({ managerId: 'a person cannot be their own manager' });
    if (!(await models.Person.exists({ _id: managerId }))) throw invalid({ managerId: 'no such person' });
  }
  /** A password is stored as its hash; null clears it. */
  const toDoc = async (body: Partial<ReturnType<typeof personBody.parse>>) => {
    const { password, ...rest } = body;
    if (password === undefined) return rest;
    return { ...rest, passwordHash: password === null ? null : await hashPassword(password) };
  };
  return {
    name: 'people',
    model: models.Person,
    filters: { roles: 'enum', managerId: 'id', unit: 'string', locale: 'enum', email: 'string' },
    searchFields: ['name', 'email', 'unit'],
    sortable: ['id', 'name', 'email', 'unit', 'createdAt', 'updatedAt'],
    defaultSort: ['name', 'ASC'],
    directory: { filters: { roles: 'enum', unit: 'string' }, searchFields: ['name', 'unit'], sortable: ['id', 'name', 'unit'], defaultSort: ['name', 'ASC'] },
    async create(req) {
      const body = parseBody(personBody, req.body);
      await checkManager(body.managerId);
      const person = await models.Person.create(await toDoc(body));
      await auditRequest(models, req, 'person.created', { personId: String(person._id), ...changes(body) });
      return person;
    },
    async update(req, existing) {
      const parsed = parseBody(personBody.partial(), withoutServerFields(req.body, existing.toJSON(), [], ['localLogin']));
      const body = { ...changedOnly({ ...parsed, password: undefined }, existing.toJSON()), ...(parsed.password !== undefined ? { password: parsed.password } : {}) };
      const id = String(existing._id);
      await checkManager(body.managerId, id);
      if (id === currentUser(req).id && (body.active === false || (body.roles && !body.roles.includes('admin') && existing.roles.includes('admin')))) {
        throw new AppError(409, 'conflict', 'you cannot deactivate yourself or take away your own administrator role');
      }
      existing.set(await toDoc(body));
      await existing.save();
      // A new password, other roles or deactivation take effect everywhere at once.
      if (SESSION_SENSITIVE_FIELDS.some((field) => field in body)) await endSessionsOf(models, id, id === currentUser(req).id ? req.session?.id : undefined);
      await auditRequest(models, req, 'person.updated', { personId: id, ...changes(body) });
      return existing;
    },
    async remove(req, existing) {
      const id = String(existing._id);
      if (id === currentUser(req).id) throw new AppError(409, 'conflict', 'you cannot delete yourself');
      const busy = await models.Initiative.exists({
        status: 'active',
        $or: [{ projectManagerId: id }, { serviceOwnerId: id }, { governanceId: id }, { changeAgentIds: id }, { enthusiastIds: id }],
      });
      if (busy) throw new AppError(409, 'conflict', 'the person takes part in an active initiative; reassign first');
      await existing.deleteOne();
      await auditRequest(models, req, 'person.deleted', { personId: id });
    },
  };
}

// Who may read what (domain/access.ts, api/resources/crud.ts, api/resources/records.ts):
// administrators read everything whole; anyone else sees other people only as a directory
// (id, name, unit), only the emails sent to them, only the audit of initiatives they take part
// in, and the whole portfolio. Nothing is readable without a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type HttpClient, type TestService } from '../helpers/app.js';
import { calmPolicies } from '../helpers/fixtures.js';
import { addPerson, login, q, type TestPerson } from './accounts-helper.js';

let service: TestService;
let admin: HttpClient;

beforeAll(async () => {
  service = await startService();
  await calmPolicies(service.engine.db.models);
  admin = await service.as(service.town.admin);
});
afterAll(async () => {
  await service?.stop();
});

const models = () => service.engine.db.models;
const DIRECTORY_KEYS = ['id', 'name', 'unit'];
const nonAdmins = () => {
  const { town } = service;
  return { governance: town.governance, owner: town.owner, projectManager: town.projectManager, changeAgent: town.changeAgent, enthusiast: town.enthusiast };
};

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('people', () => {
  it('lets an administrator list and read whole person records, never the password hash', async () => {
    const { town } = service;

    const list = await admin.get(`/api/people?filter=${q({ id: [town.owner, town.englishOwner] })}`);
    const one = await admin.get(`/api/people/${town.owner}`);

    expect(list.status).toBe(200);
    const owner = list.body.find((p: { id: string }) => p.id === town.owner);
    expect(owner).toMatchObject({ email: await town.emailOf(town.owner), roles: ['service-owner'], managerId: town.ownerManager, locale: 'nb', active: true, localLogin: true });
    expect(list.body.find((p: { id: string }) => p.id === town.englishOwner)).toMatchObject({ locale: 'en', roles: ['service-owner'] });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: town.owner, email: owner.email, managerId: town.ownerManager });
    for (const record of [...list.body, one.body]) {
      expect(record).not.toHaveProperty('passwordHash');
      expect(record).not.toHaveProperty('password');
    }
  });

  it('shows other people to everyone else only as id, name and unit, in lists and one by one', async () => {
    const { town } = service;
    for (const [role, personId] of Object.entries(nonAdmins())) {
      const client = await service.as(personId);
      const others = [town.admin, town.ownerManager, town.changeAgent2, ...Object.values(nonAdmins())].filter((id) => id !== personId);

      const list = await client.get(`/api/people?filter=${q({ id: others })}&range=${q([0, 99])}`);
      const one = await client.get(`/api/people/${town.changeAgent2}`);

      expect(list.status, role).toBe(200);
      expect(list.body.map((p: { id: string }) => p.id).sort(), role).toEqual([...others].sort());
      for (const record of list.body) expect(Object.keys(record).sort(), `${role} listing ${record.id}`).toEqual(DIRECTORY_KEYS);
      expect(one.status, role).toBe(200);
      expect(one.body, role).toEqual({ id: town.changeAgent2, name: 'Espen Endringsagent', unit: 'Hjemmesykepleie' });
    }
  });

  it('gives a person their own record whole, beside the directory view of the others', async () => {
    const { town } = service;
    const owner = await service.as(town.owner);

    const own = await owner.get(`/api/people/${town.owner}`);
    const list = await owner.get(`/api/people?filter=${q({ id: [town.owner, town.ownerManager] })}`);

    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: town.owner, email: await town.emailOf(town.owner), roles: ['service-owner'], managerId: town.ownerManager, locale: 'nb' });
    expect(own.body).not.toHaveProperty('passwordHash');
    const self = list.body.find((p: { id: string }) => p.id === town.owner);
    const manager = list.body.find((p: { id: string }) => p.id === town.ownerManager);
    expect(self).toMatchObject({ email: own.body.email, roles: ['service-owner'] });
    expect(Object.keys(manager).sort()).toEqual(DIRECTORY_KEYS);
  });

  it('lets everyone pick people by role, answering no emails or roles', async () => {
    const { town } = service;
    const projectManager = await service.as(town.projectManager);

    const owners = await projectManager.get(`/api/people?filter=${q({ roles: 'service-owner' })}&range=${q([0, 99])}`);

    expect(owners.status).toBe(200);
    expect(owners.body.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([town.owner, town.ownerManager, town.englishOwner]));
    expect(owners.body.map((p: { id: string }) => p.id)).not.toContain(town.projectManager);
    for (const record of owners.body) {
      expect(Object.keys(record).sort()).toEqual(DIRECTORY_KEYS);
      expect(JSON.stringify(record)).not.toContain('@');
    }
  });

  // The directory hides email addresses; a search or a filter on them must not tell them either.
  it('does not let anyone but an administrator find people by their email address', async () => {
    const { town } = service;
    const enthusiast = await service.as(town.enthusiast);
    const ownerEmail = await town.emailOf(town.owner);
    // Only the email addresses contain the tag: names and units do not.
    expect(ownerEmail).toContain(`${town.tag}@`);

    const byAdmin = await admin.get(`/api/people?filter=${q({ q: `${town.tag}@kommune` })}`);
    const search = await enthusiast.get(`/api/people?filter=${q({ q: `${town.tag}@kommune` })}`);
    const filter = await enthusiast.get(`/api/people?filter=${q({ email: ownerEmail })}`);

    expect(byAdmin.body.map((p: { id: string }) => p.id)).toContain(town.owner);
    for (const response of [search, filter]) {
      const found = response.status === 200 ? response.body.map((p: { id: string }) => p.id) : [];
      expect(found, response.text).not.toContain(town.owner);
    }
  });

  it('does not let anyone but an administrator learn who manages whom by filtering on it', async () => {
    const { town } = service;
    const enthusiast = await service.as(town.enthusiast);

    const byAdmin = await admin.get(`/api/people?filter=${q({ managerId: town.ownerManager })}`);
    const reports = await enthusiast.get(`/api/people?filter=${q({ managerId: town.ownerManager })}`);

    expect(byAdmin.body.map((p: { id: string }) => p.id)).toEqual([town.owner]);
    const found = reports.status === 200 ? reports.body.map((p: { id: string }) => p.id) : [];
    expect(found, reports.text).not.toContain(town.owner);
  });
});

describe('emails', () => {
  /** An initiative whose start emailed governance and at least one other person. */
  async function emailedInitiative() {
    const id = await service.startInitiative();
    const emails = await until('emails to two people', async () => {
      const found = await models().Email.find({ initiativeId: id }).lean();
      const governance = found.filter((e) => e.toId === service.town.governance);
      return governance.length && new Set(found.map((e) => e.toId)).size >= 2 ? found : null;
    });
    return { id, emails };
  }

  it('lists to anyone but an administrator only the emails sent to them', async () => {
    const { town } = service;
    const { id, emails } = await emailedInitiative();
    const recipients = [...new Set(emails.map((e) => e.toId!))];

    for (const personId of [...recipients.filter((r) => r !== town.admin), town.changeAgent2]) {
      const client = await service.as(personId);
      const mine = await client.get(`/api/emails?filter=${q({ initiativeId: id })}&range=${q([0, 99])}`);
      const all = await client.get(`/api/emails?range=${q([0, 999])}`);
      const askedForOthers = await client.get(`/api/emails?filter=${q({ toId: recipients.find((r) => r !== personId) })}`);

      expect(mine.status).toBe(200);
      expect(mine.body.map((e: { id: string }) => e.id).sort()).toEqual(emails.filter((e) => e.toId === personId).map((e) => String(e._id)).sort());
      expect(all.body.length).toBe(await models().Email.countDocuments({ toId: personId }));
      expect(await models().Email.countDocuments({ _id: { $in: all.body.map((e: { id: string }) => e.id) }, toId: { $ne: personId } })).toBe(0);
      expect(askedForOthers.body).toEqual([]);
      expect(askedForOthers.headers.get('content-range')).toMatch(/\/0$/);
    }
  });

  it('answers 404 for an email sent to someone else, and the email to its recipient', async () => {
    const { town } = service;
    const { emails } = await emailedInitiative();
    const toGovernance = emails.find((e) => e.toId === town.governance)!;
    const [governance, bystander] = await Promise.all([service.as(town.governance), service.as(town.changeAgent2)]);

    const own = await governance.get(`/api/emails/${toGovernance._id}`);
    const other = await bystander.get(`/api/emails/${toGovernance._id}`);

    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: String(toGovernance._id), to: toGovernance.to });
    expect(other.status).toBe(404);
    expect(other.text).not.toContain(toGovernance.to);
  });

  it('shows an administrator every email', async () => {
    const { id, emails } = await emailedInitiative();

    const list = await admin.get(`/api/emails?filter=${q({ initiativeId: id })}&range=${q([0, 99])}`);
    const others = await Promise.all(emails.map((e) => admin.get(`/api/emails/${e._id}`)));

    expect(list.body.map((e: { id: string }) => e.id).sort()).toEqual(emails.map((e) => String(e._id)).sort());
    expect(others.map((r) => r.status)).toEqual(emails.map(() => 200));
  });
});

describe('audit', () => {
  async function auditedInitiative(overrides: Record<string, unknown> = {}) {
    const id = await service.startInitiative(overrides);
    const entries = await until('audit entries', async () => {
      const found = await models().Audit.find({ initiativeId: id }).lean();
      return found.length ? found : null;
    });
    return { id, entries };
  }

  it('shows each person named on an initiative, in any of the five roles, its audit; a bystander none', async () => {
    const named: Record<string, TestPerson> = {
      projectManager: await addPerson(service, ['project-manager']),
      serviceOwner: await addPerson(service, ['service-owner']),
      governance: await addPerson(service, ['governance']),
      changeAgent: await addPerson(service, ['change-agent']),
      enthusiast: await addPerson(service, ['enthusiast']),
    };
    const bystander = await addPerson(service, ['project-manager', 'governance', 'change-agent']);
    const { id, entries } = await auditedInitiative({
      projectManagerId: named.projectManager.id,
      serviceOwnerId: named.serviceOwner.id,
      governanceId: named.governance.id,
      changeAgentIds: [named.changeAgent.id],
      enthusiastIds: [named.enthusiast.id],
    });
    const entryId = String(entries[0]._id);

    for (const [role, person] of Object.entries(named)) {
      const client = (await login(service, person.email)).client;
      const list = await client.get(`/api/audit?filter=${q({ initiativeId: id })}&range=${q([0, 99])}`);
      const one = await client.get(`/api/audit/${entryId}`);
      expect(list.status, role).toBe(200);
      expect(list.body.length, role).toBeGreaterThan(0);
      expect(one.status, role).toBe(200);
    }
    const outsider = (await login(service, bystander.email)).client;
    const list = await outsider.get(`/api/audit?filter=${q({ initiativeId: id })}`);
    const one = await outsider.get(`/api/audit/${entryId}`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([]);
    expect(one.status).toBe(404);
  });

  it('lists to anyone but an administrator only entries of initiatives they take part in', async () => {
    const { town } = service;
    const mine = await auditedInitiative();
    const notMine = await auditedInitiative({ changeAgentIds: [town.changeAgent2], enthusiastIds: [] });
    const personChange = await admin.put(`/api/people/${town.changeAgent2}`, { unit: `Hjemmesykepleie ${town.tag}` });
    expect(personChange.status).toBe(200);
    await admin.put(`/api/people/${town.changeAgent2}`, { unit: 'Hjemmesykepleie' });
    const enthusiast = await service.as(town.enthusiast);

    const all = await enthusiast.get(`/api/audit?range=${q([0, 999])}`);

    expect(all.status).toBe(200);
    const ids = all.body.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining(mine.entries.map((e) => String(e._id))));
    expect(ids).not.toEqual(expect.arrayContaining([String(notMine.entries[0]._id)]));
    const takingPart = await models().Initiative.find({ enthusiastIds: town.enthusiast }, { _id: 1 }).lean();
    const allowed = new Set(takingPart.map((i) => String(i._id)));
    for (const entry of all.body) expect(allowed.has(entry.initiativeId), `${entry.action} on ${entry.initiativeId}`).toBe(true);
    expect(all.body.some((a: { action: string }) => a.action.startsWith('person.'))).toBe(false);
  });

  it('shows an administrator every entry, those of no initiative too', async () => {
    const { town } = service;
    const { id, entries } = await auditedInitiative({ changeAgentIds: [], enthusiastIds: [] });
    const change = await admin.put(`/api/people/${town.englishOwner}`, { unit: `Enhet ${town.tag}` });
    expect(change.status).toBe(200);

    const list = await admin.get(`/api/audit?filter=${q({ initiativeId: id })}&range=${q([0, 99])}`);
    const personEntries = await admin.get(`/api/audit?filter=${q({ action: 'person.updated' })}&range=${q([0, 999])}`);
    const one = await admin.get(`/api/audit/${entries[0]._id}`);

    expect(list.body.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(entries.map((e) => String(e._id))));
    expect(personEntries.body.some((a: { details: { personId?: string } }) => a.details.personId === town.englishOwner)).toBe(true);
    expect(one.status).toBe(200);
  });
});

describe('the portfolio', () => {
  it('is readable to every logged-in, active account, whatever its role', async () => {
    const initiativeId = await service.startInitiative();
    for (const [role, personId] of Object.entries(nonAdmins())) {
      const client = await service.as(personId);
      for (const resource of ['initiatives', 'goals', 'services', 'benefits', 'measurements', 'decisions', 'policies']) {
        const response = await client.get(`/api/${resource}`);
        expect(response.status, `${role} listing ${resource}`).toBe(200);
        expect(Array.isArray(response.body), `${role} listing ${resource}`).toBe(true);
      }
      const one = await client.get(`/api/initiatives/${initiativeId}`);
      expect(one.status, role).toBe(200);
      expect(one.body.id).toBe(initiativeId);
      expect((await client.get('/api/policies/owner-signoff')).status, role).toBe(200);
    }
  });

  it('is not readable without a session, and neither is /api/meta', async () => {
    const anonymous = service.anonymous();
    const owner = await service.as(service.town.owner);

    const meta = await anonymous.get('/api/meta');
    const reads = await Promise.all(['initiatives', 'goals', 'services', 'benefits', 'measurements', 'decisions', 'policies', 'people', 'emails', 'audit'].map((r) => anonymous.get(`/api/${r}`)));

    expect(meta.status).toBe(401);
    expect(meta.body.error.code).toBe('unauthenticated');
    expect(reads.map((r) => r.status)).toEqual(reads.map(() => 401));
    expect((await owner.get('/api/meta')).status).toBe(200);
  });
});

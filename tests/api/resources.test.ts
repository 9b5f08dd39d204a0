// Resource rules beyond the contract's shapes: who may write what, references and their roles,
// uniqueness, computed fields, and the audit entry every console write leaves.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, TEST_PASSWORD, type HttpClient, type TestService } from '../helpers/app.js';
import { addBenefit, calmPolicies, createInitiativeDoc } from '../helpers/fixtures.js';

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
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const uniqueEmail = () => `ny.${randomUUID().slice(0, 8)}@kommune.test`;
const initiativeBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Digital søknad om parkeringstillatelse',
  serviceId: service.town.service,
  projectManagerId: service.town.projectManager,
  governanceId: service.town.governance,
  goalLinks: [{ goalId: service.town.goal, contribution: 2, rationale: 'Færre papirsøknader' }],
  ...overrides,
});

describe('people', () => {
  it('stores a password only as a hash, never answers with it, and the person can log in', async () => {
    const email = uniqueEmail();
    const created = await admin.post('/api/people', { name: 'Nina Ny', email, roles: ['project-manager'], password: TEST_PASSWORD });

    expect(created.status).toBe(201);
    expect(created.text).not.toMatch(/password|argon2/i);
    expect((await admin.get(`/api/people/${created.body.id}`)).text).not.toMatch(/password|argon2/i);
    expect((await models().Person.findById(created.body.id).lean())!.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await service.anonymous().post('/api/auth/login', { email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('answers 409 naming email for a duplicate address, whatever its case', async () => {
    const email = uniqueEmail();
    await admin.post('/api/people', { name: 'Først', email });

    const duplicate = await admin.post('/api/people', { name: 'Igjen', email: email.toUpperCase() });

    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'conflict', fields: { email: expect.any(String) } });
  });

  it('refuses a manager who does not exist or is the person themself', async () => {
    const unknown = await admin.post('/api/people', { name: 'Ola', email: uniqueEmail(), managerId: '0123456789abcdef01234567' });
    const self = await admin.put(`/api/people/${service.town.changeAgent}`, { managerId: service.town.changeAgent });

    expect(unknown.body.error.fields).toHaveProperty('managerId');
    expect(self.status).toBe(400);
    expect(self.body.error.fields).toHaveProperty('managerId');
  });

  it('lets only administrators create people or give roles', async () => {
    const governance = await service.as(service.town.governance);
    expect((await governance.post('/api/people', { name: 'Snik', email: uniqueEmail(), roles: ['admin'] })).status).toBe(403);
    expect((await governance.put(`/api/people/${service.town.governance}`, { roles: ['admin'] })).status).toBe(403);
    expect((await governance.get('/api/people')).status).toBe(200);
  });

  it('refuses to delete a person who takes part in an active initiative', async () => {
    await createInitiativeDoc(models(), service.town, { status: 'active' });
    const response = await admin.del(`/api/people/${service.town.enthusiast}`);
    expect(response.status).toBe(409);
    expect(await models().Person.exists({ _id: service.town.enthusiast })).toBeTruthy();
  });

  it('writes an audit entry for an update that names the fields but never the password', async () => {
    const person = await admin.post('/api/people', { name: 'Siri Sikker', email: uniqueEmail() });
    await admin.put(`/api/people/${person.body.id}`, { unit: 'Hjemmetjenester', password: 'et-nytt-langt-passord' });

    const [entry] = await models().Audit.find({ action: 'person.updated', 'details.personId': person.body.id }).lean();

    expect(entry).toMatchObject({ actorId: service.town.admin, details: { unit: 'Hjemmetjenester', password: '(changed)' } });
    expect(JSON.stringify(entry)).not.toContain('et-nytt-langt-passord');
  });
});

describe('goals and services', () => {
  it('lets governance roles write goals but not project managers, and keeps weight within 1–5', async () => {
    const governance = await service.as(service.town.governance);
    const projectManager = await service.as(service.town.projectManager);

    expect((await governance.post('/api/goals', { code: `GOV-${service.town.tag}`, title: 'Styrt mål', weight: 3 })).status).toBe(201);
    expect((await projectManager.post('/api/goals', { code: `PM-${service.town.tag}`, title: 'Eget mål', weight: 3 })).status).toBe(403);
    expect((await admin.post('/api/goals', { code: 'W6', title: 'For tungt', weight: 6 })).body.error.fields).toHaveProperty('weight');
  });

  it('lets only administrators write services, owned by a person with the service-owner role', async () => {
    const governance = await service.as(service.town.governance);
    expect((await governance.post('/api/services', { name: 'Skyss', ownerId: service.town.owner })).status).toBe(403);
    const wrongOwner = await admin.post('/api/services', { name: 'Skyss', ownerId: service.town.projectManager });
    expect(wrongOwner.body.error.fields).toHaveProperty('ownerId');
  });
});

describe('initiatives', () => {
  it('starts the workflow and answers at goal-alignment with the owner and priority filled in', async () => {
    const created = await admin.post('/api/initiatives', initiativeBody());

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      gate: 'goal-alignment',
      status: 'active',
      serviceOwnerId: service.town.owner,
      priorityScore: 8, // contribution 2 × goal weight 4
      workflowId: expect.any(String),
    });
    const byGoal = await admin.get(`/api/initiatives?filter=${q({ goalIds: service.town.goal, id: [created.body.id] })}`);
    expect(byGoal.body).toHaveLength(1);
  });

  it('refuses people without the fitting role and goals that are not active', async () => {
    const inactive = await models().Goal.create({ code: `OLD-${service.town.tag}`, title: 'Gammelt mål', weight: 2, active: false });

    const response = await admin.post(
      '/api/initiatives',
      initiativeBody({ governanceId: service.town.owner, goalLinks: [{ goalId: String(inactive._id), contribution: 1, rationale: 'x' }] }),
    );

    expect(response.status).toBe(400);
    expect(response.body.error.fields).toMatchObject({ governanceId: expect.any(String), 'goalLinks.0.goalId': 'the goal is not active' });
  });

  it('lets only project managers and administrators register initiatives', async () => {
    const changeAgent = await service.as(service.town.changeAgent);
    expect((await changeAgent.post('/api/initiatives', initiativeBody())).status).toBe(403);
  });

  it('deletes an initiative only for an administrator and only once it is no longer active', async () => {
    const created = await admin.post('/api/initiatives', initiativeBody());
    const path = `/api/initiatives/${created.body.id}`;
    expect((await (await service.as(service.town.projectManager)).del(path)).status).toBe(403);
    expect((await admin.del(path)).status).toBe(409);

    await admin.post(`${path}/admin`, { action: 'cancel', reason: 'Lagt bort etter budsjettmøtet' });
    await expect.poll(async () => (await admin.get(path)).body.status, { timeout: 10_000 }).toBe('cancelled');

    expect((await admin.del(path)).status).toBe(200);
    expect((await admin.get(path)).status).toBe(404);
  });
});

describe('benefits and measurements', () => {
  const benefitBody = (initiativeId: string, overrides: Record<string, unknown> = {}) => ({
    initiativeId,
    title: 'Kortere ventetid',
    category: 'quality',
    indicator: 'Dager fra søknad til vedtak',
    unit: 'dager',
    baseline: 20,
    baselineDate: '2026-01-01',
    target: 5,
    direction: 'decrease',
    measureEvery: 'P1M',
    followUpUntil: '2027-12-31',
    ...overrides,
  });

  it('gives the benefit to the service owner unless told otherwise', async () => {
    const initiativeId = await service.startInitiative();
    const created = await (await service.as(service.town.projectManager)).post('/api/benefits', benefitBody(initiativeId));
    expect(created.status).toBe(201);
    expect(created.body.ownerId).toBe(service.town.owner);
  });

  it('refuses a bad duration, dates out of order, a target equal to the baseline and computed fields', async () => {
    const initiativeId = await createInitiativeDoc(models(), service.town);
    const cases: [Record<string, unknown>, string][] = [
      [{ measureEvery: 'monthly' }, 'measureEvery'],
      [{ followUpUntil: '2025-06-01' }, 'followUpUntil'],
      [{ target: 20 }, 'target'],
      [{ achievement: 1 }, 'achievement'],
      [{ band: 'on-track' }, 'band'],
    ];
    for (const [change, field] of cases) {
      const response = await admin.post('/api/benefits', benefitBody(initiativeId, change));
      expect(response.status, field).toBe(400);
      expect(response.body.error.fields, field).toHaveProperty(field);
    }
    expect(await models().Benefit.countDocuments({ initiativeId })).toBe(0);
  });

  it('lets people outside the initiative read but not write its benefit plan', async () => {
    const initiativeId = await createInitiativeDoc(models(), service.town);
    const changeAgent = await service.as(service.town.changeAgent);
    expect((await changeAgent.post('/api/benefits', benefitBody(initiativeId))).status).toBe(403);
    expect((await changeAgent.get(`/api/benefits?filter=${q({ initiativeId })}`)).status).toBe(200);
  });

  it('lists measurements of one benefit', async () => {
    const initiativeId = await createInitiativeDoc(models(), service.town, { status: 'completed' });
    const benefitId = await addBenefit(models(), initiativeId, service.town.owner);
    await models().Measurement.create({ benefitId, initiativeId, value: 30, measuredAt: new Date(), note: '', reportedById: null, channel: 'api' });

    const list = await admin.get(`/api/measurements?filter=${q({ benefitId })}`);

    expect(list.body).toMatchObject([{ benefitId, value: 30 }]);
    expect(list.headers.get('content-range')).toBe('measurements 0-0/1');
  });
});

describe('policies', () => {
  it('keeps the ladder in order, refuses creating or deleting a gate, and audits a change', async () => {
    const outOfOrder = await admin.put('/api/policies/implementation', { remindAfter: 'P5D', escalateAfter: 'P2D' });
    const calendar = await admin.put('/api/policies/implementation', { calendar: 'lunar' });

    expect(outOfOrder.body.error.fields).toHaveProperty('escalateAfter');
    expect(calendar.body.error.fields).toHaveProperty('calendar');
    expect((await admin.post('/api/policies', { remindAfter: 'P1D' })).status).toBe(405);
    expect((await admin.del('/api/policies/implementation')).status).toBe(405);

    expect((await admin.put('/api/policies/implementation', { remindAfter: 'PT30M' })).status).toBe(200);
    expect(await models().Audit.exists({ action: 'policy.updated', 'details.gate': 'implementation' })).toBeTruthy();
  });
});

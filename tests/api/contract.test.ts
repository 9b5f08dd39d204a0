// The HTTP contract: shapes, Content-Range, field errors, and the status codes of API.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchanges, startService, TEST_PASSWORD, type HttpClient, type TestService } from '../helpers/app.js';
import { createResponseChecker } from '../helpers/openapi.js';
import { calmPolicies } from '../helpers/fixtures.js';

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

const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const initiativeBody = () => ({
  title: 'Digital byggesøknad',
  serviceId: service.town.service,
  projectManagerId: service.town.projectManager,
  governanceId: service.town.governance,
  goalLinks: [{ goalId: service.town.goal, contribution: 2, rationale: 'Raskere vedtak' }],
});

describe('auth', () => {
  it('answers 401 on every /api resource without a session', async () => {
    const anonymous = service.anonymous();
    for (const resource of ['people', 'goals', 'services', 'initiatives', 'benefits', 'measurements', 'decisions', 'emails', 'audit', 'policies']) {
      const response = await anonymous.get(`/api/${resource}`);
      expect(response.status, resource).toBe(401);
      expect(response.body.error.code).toBe('unauthenticated');
    }
  });

  it('logs in with an httpOnly session cookie and never returns the password hash', async () => {
    const client = service.anonymous();
    const email = await service.town.emailOf(service.town.owner);

    const login = await client.post('/api/auth/login', { email, password: TEST_PASSWORD });

    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email, roles: ['service-owner'] });
    expect(login.text).not.toMatch(/passwordHash|argon2/);
    const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('ep_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect((await client.get('/api/auth/me')).body.user.email).toBe(email);
    const people = await admin.get('/api/people');
    expect(people.text).not.toMatch(/passwordHash/);
  });

  it('answers 401 for a wrong password and 400 for an operator instead of an email', async () => {
    const client = service.anonymous();
    expect((await client.post('/api/auth/login', { email: 'nobody@kommune.test', password: 'x' })).status).toBe(401);
    const injected = await client.post('/api/auth/login', { email: { $ne: null }, password: 'x' });
    expect(injected.status).toBe(400);
    expect(injected.body.error.fields.email).toBeTruthy();
  });

  it('gives a new session id at login and ends it at logout', async () => {
    const client = await service.as(service.town.governance);
    const first = client.cookies.get('ep_session');
    await client.post('/api/auth/login', { email: await service.town.emailOf(service.town.governance), password: TEST_PASSWORD });
    const second = client.cookies.get('ep_session');
    expect(second).not.toBe(first);

    await client.post('/api/auth/logout');

    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const response = await admin.request('POST', '/api/goals', { code: 'CSRF-1', title: 'x', weight: 1 }, { 'x-csrf-token': 'wrong' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('csrf');
    expect(await service.engine.db.models.Goal.countDocuments({ code: 'CSRF-1' })).toBe(0);
  });
});

describe('resources', () => {
  it('lists with sort, range, filter and a Content-Range total', async () => {
    for (let i = 0; i < 3; i++) await admin.post('/api/goals', { code: `LIST-${i}`, title: `Mål ${i}`, weight: i + 1 });

    const page = await admin.get(`/api/goals?sort=${q(['code', 'DESC'])}&range=${q([0, 1])}&filter=${q({ q: 'LIST' })}`);

    expect(page.status).toBe(200);
    expect(page.body.map((g: { code: string }) => g.code)).toEqual(['LIST-2', 'LIST-1']);
    expect(page.headers.get('content-range')).toBe('goals 0-1/3');
    expect(page.headers.get('access-control-expose-headers')).toMatch(/Content-Range/);
    expect(page.body[0]).toHaveProperty('id');
    expect(page.body[0]).not.toHaveProperty('_id');
    const byIds = await admin.get(`/api/goals?filter=${q({ id: [page.body[0].id] })}`);
    expect(byIds.body).toHaveLength(1);
  });

  it('answers 400 with the field for bad sort, range and filter', async () => {
    const cases: [string, string][] = [
      [`sort=${q(['nope', 'ASC'])}`, 'sort'],
      ['sort=notjson', 'sort'],
      [`range=${q([5, 1])}`, 'range'],
      [`range=${q([0, 5000])}`, 'range'],
      [`filter=${q({ gate: { $ne: 'x' } })}`, 'filter.gate'],
      [`filter=${q({ unknownField: 1 })}`, 'filter.unknownField'],
      [`filter=${q({ stalled: 'yes' })}`, 'filter.stalled'],
    ];
    for (const [query, field] of cases) {
      const response = await admin.get(`/api/initiatives?${query}`);
      expect(response.status, query).toBe(400);
      expect(Object.keys(response.body.error.fields), query).toContain(field);
    }
  });

  it('answers 400 naming unknown, read-only and wrongly typed fields, and writes nothing', async () => {
    const before = await service.engine.db.models.Initiative.countDocuments();
    const response = await admin.post('/api/initiatives', { ...initiativeBody(), gate: 'implementation', surprise: true, title: 42 });

    expect(response.status).toBe(400);
    expect(response.body.error.fields).toMatchObject({ gate: 'unknown field', surprise: 'unknown field', title: expect.any(String) });
    expect(await service.engine.db.models.Initiative.countDocuments()).toBe(before);
  });

  it('answers 404 for an unknown id and 409 for a duplicate goal code', async () => {
    expect((await admin.get('/api/initiatives/000000000000000000000000')).status).toBe(404);
    expect((await admin.get('/api/initiatives/not-an-id')).status).toBe(404);
    await admin.post('/api/goals', { code: 'DUP-1', title: 'Først', weight: 2 });
    const duplicate = await admin.post('/api/goals', { code: 'DUP-1', title: 'Igjen', weight: 2 });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.fields).toHaveProperty('code');
  });

  it('answers 409 for a decision on a gate that is not the current one', async () => {
    const created = await admin.post('/api/initiatives', initiativeBody());
    const response = await admin.post(`/api/initiatives/${created.body.id}/decisions`, { gate: 'implementation', decision: 'approve', comment: '' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/goal-alignment/);
  });

  it('never writes the read model through PUT, and refuses to change what is fixed after creation', async () => {
    const created = await admin.post('/api/initiatives', initiativeBody());
    const record = (await admin.get(`/api/initiatives/${created.body.id}`)).body;

    const edited = await admin.put(`/api/initiatives/${record.id}`, { ...record, title: 'Nytt navn', status: 'completed', gate: 'implementation' });
    const kind = await admin.put(`/api/initiatives/${record.id}`, { ...record, kind: 'line' });

    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Nytt navn', status: 'active', gate: 'goal-alignment' });
    expect(kind.status).toBe(400);
    expect(kind.body.error.fields.kind).toBe('is read-only');
  });

  it('answers 413 for an oversized body and 415 for a body that is not JSON', async () => {
    const huge = await admin.post('/api/goals', { code: 'BIG', title: 'x'.repeat(200_000), weight: 1 });
    const form = await admin.request('POST', '/api/goals', 'code=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(huge.status).toBe(413);
    expect(form.status).toBe(415);
  });

  it('refuses writes to read-only resources with 405', async () => {
    expect((await admin.post('/api/decisions', { decision: 'approve' })).status).toBe(405);
    expect((await admin.del('/api/audit/000000000000000000000000')).status).toBe(405);
  });
});

describe('operator injection', () => {
  it('is refused by sanitizeFilter in finds and counts alike, on this mongoose version', async () => {
    const { Initiative } = service.engine.db.models;
    await admin.post('/api/initiatives', initiativeBody());
    const injected = { gate: { $ne: 'nothing' } };

    const plain = await Initiative.countDocuments(injected);
    const sanitizedCount = Initiative.countDocuments(injected).setOptions({ sanitizeFilter: true });
    const sanitizedFind = Initiative.find(injected).setOptions({ sanitizeFilter: true });

    // Unsanitised, the operator matches everything; sanitised it becomes an equality that cannot cast.
    expect(plain).toBeGreaterThan(0);
    await expect(sanitizedCount).rejects.toMatchObject({ name: 'CastError' });
    await expect(sanitizedFind).rejects.toMatchObject({ name: 'CastError' });
  });
});

describe('roles', () => {
  it('lets only governance roles and administrators decide goal alignment', async () => {
    const created = await admin.post('/api/initiatives', initiativeBody());
    const body = { gate: 'goal-alignment', decision: 'approve', comment: '' };

    const byProjectManager = await (await service.as(service.town.projectManager)).post(`/api/initiatives/${created.body.id}/decisions`, body);
    const byOwner = await (await service.as(service.town.owner)).post(`/api/initiatives/${created.body.id}/decisions`, body);
    const byGovernance = await (await service.as(service.town.governance)).post(`/api/initiatives/${created.body.id}/decisions`, body);

    expect(byProjectManager.status).toBe(403);
    expect(byOwner.status).toBe(403);
    expect(byGovernance.status).toBe(200);
  });

  it('runs admin actions for administrators only, with a reason', async () => {
    const created = await admin.post('/api/initiatives', initiativeBody());
    const path = `/api/initiatives/${created.body.id}/admin`;

    expect((await (await service.as(service.town.governance)).post(path, { action: 'nudge', reason: 'Purring' })).status).toBe(403);
    expect((await admin.post(path, { action: 'nudge' })).body.error.fields).toHaveProperty('reason');
    expect((await admin.post(path, { action: 'nudge', reason: 'Purring fra møtet' })).status).toBe(200);
    const audit = await service.engine.db.models.Audit.find({ initiativeId: created.body.id, action: 'admin.nudge' }).lean();
    expect(audit[0]).toMatchObject({ actorId: service.town.admin, details: expect.objectContaining({ reason: 'Purring fra møtet' }) });
  });

  it('lets only administrators edit people, policies and roles', async () => {
    const projectManager = await service.as(service.town.projectManager);
    expect((await projectManager.put(`/api/people/${service.town.projectManager}`, { roles: ['admin'] })).status).toBe(403);
    expect((await projectManager.put('/api/policies/owner-signoff', { remindAfter: 'P1D' })).status).toBe(403);
    expect((await admin.put('/api/policies/owner-signoff', { remindAfter: 'P1D', escalateAfter: 'P2D', stalledAfter: 'P3D' })).status).toBe(200);
    expect((await admin.put('/api/policies/owner-signoff', { remindAfter: 'banana' })).body.error.fields).toHaveProperty('remindAfter');
  });

  it('lets a project manager change only the initiatives they manage', async () => {
    const other = await service.engine.db.models.Person.create({ name: 'Olav Annen', email: `olav.${service.town.tag}@kommune.test`, roles: ['project-manager'] });
    const created = await admin.post('/api/initiatives', { ...initiativeBody(), projectManagerId: String(other._id) });
    const projectManager = await service.as(service.town.projectManager);

    expect((await projectManager.get(`/api/initiatives/${created.body.id}`)).status).toBe(200);
    expect((await projectManager.put(`/api/initiatives/${created.body.id}`, { title: 'Kapret' })).status).toBe(403);
  });
});

describe('health', () => {
  it('is ready when Temporal and the database answer, and serves metrics', async () => {
    const client = service.anonymous();
    expect((await client.get('/healthz')).status).toBe(200);
    expect((await client.get('/readyz')).body).toMatchObject({ temporal: 'ok', database: 'ok' });
    const metrics = await client.get('/metrics');
    expect(metrics.text).toContain('http_request_duration_seconds');
    expect(metrics.text).toContain('process_resident_memory_bytes');
  });
});

// Last: every answer the tests above got, checked against the published OpenAPI document.
describe('the OpenAPI document', () => {
  it('describes every answer the contract tests above received', async () => {
    const check = createResponseChecker((await service.anonymous().get('/api/openapi.json')).body);
    const received = exchanges.filter((e) => e.path !== '/api/openapi.json');

    expect(received.length).toBeGreaterThan(50);
    expect(received.map(check).filter(Boolean)).toEqual([]);
  });
});

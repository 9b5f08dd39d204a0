// The published API: /api/openapi.json is a valid OpenAPI 3.1 document that describes every route
// the app answers, and real answers of every operation validate against it; /api/docs serves a
// reference page from our own bundle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { exchanges, startService, type HttpClient, type TestService } from '../helpers/app.js';
import { addBenefit, calmPolicies } from '../helpers/fixtures.js';
import { createResponseChecker, documentProblems, operationFor, routesOf } from '../helpers/openapi.js';

let service: TestService;
let admin: HttpClient;
let doc: any;

beforeAll(async () => {
  service = await startService();
  await calmPolicies(service.engine.db.models);
  admin = await service.as(service.town.admin);
  doc = (await service.anonymous().get('/api/openapi.json')).body;
});
afterAll(async () => {
  await service?.stop();
});

const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** Calls that reach every operation of the document at least once, as the people who may make them. */
async function exerciseEveryOperation() {
  const { town } = service;
  const anonymous = service.anonymous();
  const projectManager = await service.as(town.projectManager);
  const governance = await service.as(town.governance);
  await anonymous.get('/healthz');
  await anonymous.get('/readyz');
  await anonymous.get('/metrics');
  await anonymous.get('/actions/unknown-token-that-is-long-enough');
  await anonymous.request('POST', '/actions/unknown-token-that-is-long-enough', 'decision=approve', { 'content-type': 'application/x-www-form-urlencoded' });
  await anonymous.get('/api/auth/options');
  await anonymous.get('/api/auth/oidc/login');
  await anonymous.get('/api/auth/oidc/callback?code=x&state=y');
  await anonymous.post('/api/auth/login', { email: 'nobody@kommune.test', password: 'wrong-password' });
  await admin.get('/api/auth/me');
  await admin.get('/api/meta');
  await anonymous.get('/api/openapi.json');
  await anonymous.get('/api/docs');

  const goal = (await admin.post('/api/goals', { code: `OA-${town.tag}`, title: 'Åpne data', weight: 3 })).body;
  await admin.put(`/api/goals/${goal.id}`, { title: 'Åpne data for alle' });
  const service_ = (await admin.post('/api/services', { name: `Byggesak ${town.tag}`, ownerId: town.owner })).body;
  await admin.put(`/api/services/${service_.id}`, { description: 'Søknader om tiltak' });
  const person = (await admin.post('/api/people', { name: 'Nina Ny', email: `nina.${town.tag}@kommune.test`, roles: ['enthusiast'] })).body;
  await admin.put(`/api/people/${person.id}`, { unit: 'Plan og bygg' });
  await projectManager.get(`/api/people?filter=${q({ roles: 'enthusiast' })}`);
  const initiative = (
    await projectManager.post('/api/initiatives', {
      title: `Åpen byggesak ${town.tag}`, serviceId: service_.id, projectManagerId: town.projectManager, governanceId: town.governance,
      goalLinks: [{ goalId: town.goal, contribution: 2, rationale: 'Innsyn' }], changeAgentIds: [town.changeAgent],
    })
  ).body;
  await projectManager.put(`/api/initiatives/${initiative.id}`, { description: 'Innsyn i egen byggesak' });
  const benefit = (
    await projectManager.post('/api/benefits', {
      initiativeId: initiative.id, title: 'Færre henvendelser', category: 'efficiency', indicator: 'Henvendelser per måned', unit: 'stk',
      baseline: 400, baselineDate: '2026-01-01', target: 200, direction: 'decrease', measureEvery: 'P1M', followUpUntil: '2027-12-31',
    })
  ).body;
  await projectManager.put(`/api/benefits/${benefit.id}`, { dataSource: 'Sentralbord' });
  await governance.post(`/api/initiatives/${initiative.id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: 'Ja' });
  await governance.post(`/api/initiatives/${initiative.id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: 'Igjen' });
  await projectManager.post(`/api/initiatives/${initiative.id}/progress`, { percent: 10, note: 'Ikke i gjennomføring ennå' });
  await admin.post(`/api/initiatives/${initiative.id}/admin`, { action: 'nudge', reason: 'Minner om eierskapet' });
  await admin.get(`/api/initiatives/${initiative.id}/workflow`);
  const other = await service.startInitiative();
  const measuredBenefit = await addBenefit(service.engine.db.models, other, town.owner);
  await admin.post('/api/measurements', { benefitId: measuredBenefit, value: 20, measuredAt: new Date().toISOString(), note: 'Første' });
  await admin.get('/api/reports/owners');
  await admin.get('/api/reports/goals');
  await admin.put('/api/policies/owner-signoff', { remindAfter: 'PT1H' });
  const webhook = (await admin.post('/api/webhooks', { name: 'Arkiv', url: 'http://127.0.0.1:9/hook', format: 'cloudevents', events: ['gate.decided'], secret: 'sixteen-chars-or-more' })).body;
  await admin.put(`/api/webhooks/${webhook.id}`, { active: true, name: 'Arkivet' });
  await admin.post(`/api/webhooks/${webhook.id}/test`);
  await admin.put(`/api/webhooks/${webhook.id}`, { active: false });

  // Governance: a draft and its checklist, a board, the records decisions leave, the reports.
  const draft = (await projectManager.post('/api/initiatives', { title: `Utkast ${town.tag}`, serviceId: service_.id, projectManagerId: town.projectManager, governanceId: town.governance, draft: true })).body;
  await projectManager.post(`/api/initiatives/${draft.id}/checklist`, { gate: 'goal-alignment', key: 'dpia-considered', status: 'done' });
  await projectManager.post(`/api/initiatives/${draft.id}/submit`, { note: '' });
  await admin.get(`/api/initiatives/${initiative.id}/report`);
  await admin.get(`/api/reports/owners/${town.owner}/report`);
  const board = (await admin.post('/api/boards', { name: `Styret ${town.tag}`, chairId: town.governance, memberIds: [town.governance] })).body;
  await admin.put(`/api/boards/${board.id}`, { name: `Porteføljestyret ${town.tag}` });
  const checklist = (await admin.get('/api/checklists/implementation')).body;
  await admin.put('/api/checklists/implementation', { items: checklist.items });
  await admin.post('/api/comments', { initiativeId: initiative.id, text: 'Et godt tiltak for innbyggerne' });
  await projectManager.post('/api/readiness', { initiativeId: initiative.id, unit: 'Byggesak', status: 'ready' });
  await projectManager.post('/api/plan-changes', { benefitId: benefit.id, changes: { target: 150 }, reason: 'Før signering' });
  await admin.post('/api/plan-changes/ffffffffffffffffffffffff/decide', { decision: 'approve' });
  await admin.post('/api/conditions/ffffffffffffffffffffffff/close', { status: 'met', note: 'Gjort' });
  await admin.post('/api/reviews/ffffffffffffffffffffffff/decide', { decision: 'continue' });
  await admin.post(`/api/benefits/${benefit.id}/harvest`, { how: 'quality' });

  const resources = ['people', 'goals', 'services', 'initiatives', 'benefits', 'measurements', 'decisions', 'emails', 'audit', 'policies', 'webhooks', 'deliveries'];
  for (const resource of [...resources, 'boards', 'checklists', 'conditions', 'plan-changes', 'reviews', 'comments', 'readiness']) {
    const listed = await admin.get(`/api/${resource}?range=${q([0, 4])}`);
    const first = listed.body[0]?.id ?? 'ffffffffffffffffffffffff';
    await admin.get(`/api/${resource}/${encodeURIComponent(first)}`);
  }
  await admin.del(`/api/webhooks/${webhook.id}`);
  await admin.del(`/api/boards/${board.id}`);
  await admin.del(`/api/goals/${goal.id}`);
  await admin.post(`/api/initiatives/${other}/admin`, { action: 'cancel', reason: 'Ferdig med testen' });
  await admin.del(`/api/initiatives/${other}`);
  const loose = (await projectManager.post('/api/benefits', {
    initiativeId: initiative.id, title: 'Kortere saksbehandling', category: 'quality', indicator: 'Dager', unit: 'dager',
    baseline: 30, baselineDate: '2026-01-01', target: 10, direction: 'decrease', measureEvery: 'P1M', followUpUntil: '2027-12-31',
  })).body;
  await projectManager.del(`/api/benefits/${loose.id}`);
  await admin.del(`/api/people/${person.id}`);
  await admin.del(`/api/services/${service_.id}`);
  await admin.post('/api/auth/logout');
}

describe('the OpenAPI document', () => {
  it('is served at /api/openapi.json without logging in, as a valid OpenAPI 3.1 document', async () => {
    const response = await service.anonymous().get('/api/openapi.json');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body.openapi).toBe('3.1.0');
    expect(await documentProblems(response.body)).toBeNull();
  });

  it('describes request bodies with the schemas that validate them', () => {
    const decide = doc.paths['/api/initiatives/{id}/decisions'].post.requestBody.content['application/json'].schema;
    expect(decide).toMatchObject({ type: 'object', additionalProperties: false, required: ['gate', 'decision'] });
    expect(decide.properties.decision.enum).toEqual(['approve', 'revise', 'hold', 'reject']);
    const webhook = doc.paths['/api/webhooks'].post.requestBody.content['application/json'].schema;
    expect(webhook.properties.format.enum).toEqual(['cloudevents', 'teams', 'teams-workflows']);
  });

  it('describes every route the app answers (writes a resource does not offer answer 405 and are left out)', async () => {
    const app = createApp(service.context);
    const missing: string[] = [];
    for (const route of routesOf(app)) {
      if (operationFor(doc, route.method, route.path.replace(/\{[^}]+\}/g, 'x'))) continue;
      const probe = await admin.request(route.method, route.path.replace(/\{[^}]+\}/g, 'ffffffffffffffffffffffff'), route.method === 'GET' ? undefined : {});
      if (probe.status !== 405) missing.push(`${route.method} ${route.path} (answers ${probe.status})`);
    }
    expect(missing).toEqual([]);
  });

  it('fits every answer of every operation, from real requests', async () => {
    exchanges.length = 0;
    await exerciseEveryOperation();
    const check = createResponseChecker(doc);

    const problems = exchanges.map(check).filter(Boolean);

    expect(problems).toEqual([]);
    const reached = new Set(exchanges.map((e) => `${e.method} ${operationFor(doc, e.method, e.path)?.template}`));
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods as object).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.filter((operation) => !reached.has(operation))).toEqual([]);
  });

  it('is strict enough to catch an answer that breaks it (the check above is not vacuous)', async () => {
    const check = createResponseChecker(doc);
    const initiative = (await (await service.as(service.town.admin)).get('/api/initiatives')).body[0];

    expect(check({ method: 'GET', path: `/api/initiatives/${initiative.id}`, status: 200, contentType: 'application/json', body: initiative })).toBeNull();
    expect(check({ method: 'GET', path: `/api/initiatives/${initiative.id}`, status: 200, contentType: 'application/json', body: { ...initiative, gate: 'gate-5' } })).toMatch(/gate/);
    expect(check({ method: 'GET', path: '/api/initiatives', status: 200, contentType: 'application/json', body: { not: 'a list' } })).toMatch(/array/);
    expect(check({ method: 'POST', path: '/api/initiatives/x/decisions', status: 409, contentType: 'application/json', body: { message: 'no envelope' } })).toMatch(/error/);
    expect(check({ method: 'GET', path: '/api/nothing-here', status: 200, contentType: 'application/json', body: {} })).toMatch(/no operation/);
  });
});

describe('the API reference page', () => {
  it('is served from our own bundle: every script and stylesheet comes from this server', async () => {
    const page = await service.anonymous().get('/api/docs');

    expect(page.status).toBe(200);
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(2);
    for (const source of sources) expect(source, source).toMatch(/^\/api\//);
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
    for (const asset of ['/api/docs/assets/swagger-ui-bundle.js', '/api/docs/assets/swagger-ui.css', '/api/docs/assets/init.js']) {
      const response = await fetch(`${service.baseUrl}${asset}`);
      expect(response.status, asset).toBe(200);
    }
  });
});

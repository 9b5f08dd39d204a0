// Bad input over every writable endpoint, table-driven and randomized (fast-check): always a 4xx
// with field errors (413 for oversized), never a 5xx, and nothing written.
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startService, type HttpClient, type TestService } from '../helpers/app.js';
import { addBenefit, calmPolicies, createInitiativeDoc } from '../helpers/fixtures.js';

let service: TestService;
let admin: HttpClient;
let initiativeId: string;
let benefitId: string;
const tally = { tried: 0, fiveHundreds: 0 };

beforeAll(async () => {
  service = await startService();
  await calmPolicies(service.engine.db.models);
  admin = await service.as(service.town.admin);
  initiativeId = await createInitiativeDoc(service.engine.db.models, service.town);
  await service.context.workflows.start(initiativeId, 'project');
  // The workflow audits entering its first gate on its own time; a snapshot must not see that.
  await vi.waitFor(async () => expect(await service.engine.db.models.Audit.exists({ initiativeId, action: 'gate.entered' })).toBeTruthy(), { timeout: 10_000 });
  benefitId = await addBenefit(service.engine.db.models, initiativeId, service.town.owner);
});
afterAll(async () => {
  mkdirSync('tests/artifacts', { recursive: true });
  writeFileSync('tests/artifacts/bad-input-summary.json', JSON.stringify(tally, null, 2));
  await service?.stop();
});

/** Everything a write could touch; compared before and after each bad request. */
async function snapshot() {
  const m = service.engine.db.models;
  const counts = await Promise.all([m.Person, m.Goal, m.Service, m.Initiative, m.Benefit, m.Measurement, m.Decision, m.Audit].map((model) => (model as typeof m.Goal).countDocuments()));
  const policy = await m.Policy.findById('owner-signoff').lean();
  const initiative = await m.Initiative.findById(initiativeId).lean();
  return JSON.stringify({ counts, policy: policy?.remindAfter, gate: initiative?.gate, title: initiative?.title });
}

async function expectRefused(method: string, path: string, body: unknown) {
  const before = await snapshot();
  const response = await admin.request(method, path, body);
  tally.tried += 1;
  if (response.status >= 500) tally.fiveHundreds += 1;
  expect(response.status, `${method} ${path} ${JSON.stringify(body).slice(0, 200)} → ${response.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.body?.error?.code).toBeTruthy();
  if (response.status === 400) expect(Object.keys(response.body.error.fields ?? {}).length).toBeGreaterThan(0);
  expect(await snapshot()).toBe(before);
}

const deep = (depth: number): unknown => (depth === 0 ? 'bunn' : { nested: deep(depth - 1) });
const huge = 'å'.repeat(120_000);

const endpoints = () => [
  { method: 'POST', path: '/api/people', valid: { name: 'Kari', email: `kari.${Date.now()}@kommune.test`, roles: ['enthusiast'] } },
  { method: 'POST', path: '/api/goals', valid: { code: `BAD-${Date.now()}`, title: 'Mål', weight: 3 } },
  { method: 'POST', path: '/api/services', valid: { name: 'Tjeneste', ownerId: service.town.owner } },
  {
    method: 'POST',
    path: '/api/initiatives',
    valid: { title: 'T', serviceId: service.town.service, projectManagerId: service.town.projectManager, governanceId: service.town.governance },
  },
  {
    method: 'POST',
    path: '/api/benefits',
    valid: { initiativeId, title: 'B', category: 'quality', indicator: 'I', unit: '%', baseline: 1, baselineDate: '2026-01-01', target: 2, direction: 'increase', measureEvery: 'P1M', followUpUntil: '2027-01-01' },
  },
  { method: 'POST', path: '/api/measurements', valid: { benefitId, value: 3, measuredAt: '2026-02-01', note: '' } },
  { method: 'PUT', path: '/api/policies/owner-signoff', valid: { remindAfter: 'P1D', escalateAfter: 'P2D', stalledAfter: 'P3D', calendar: 'elapsed' } },
  { method: 'POST', path: `/api/initiatives/${initiativeId}/decisions`, valid: { gate: 'goal-alignment', decision: 'revise', comment: '' } },
  { method: 'POST', path: `/api/initiatives/${initiativeId}/admin`, valid: { action: 'nudge', reason: 'Purring' } },
  { method: 'PUT', path: `/api/initiatives/${initiativeId}`, valid: { title: 'Nytt' } },
];

describe('table-driven bad input', () => {
  const mutations: [string, (valid: Record<string, unknown>) => unknown][] = [
    ['an empty body', () => ({})],
    ['an array instead of an object', () => [1, 2]],
    ['a string instead of an object', () => 'tekst'],
    ['an unknown field', (v) => ({ ...v, admin: true })],
    ['every value the wrong type', (v) => Object.fromEntries(Object.keys(v).map((k) => [k, typeof v[k] === 'number' ? 'tolv' : 12]))],
    ['a deep object in each field', (v) => Object.fromEntries(Object.keys(v).map((k) => [k, deep(60)]))],
    ['an operator object in each field', (v) => Object.fromEntries(Object.keys(v).map((k) => [k, { $gt: '' }]))],
    ['invalid ids', (v) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k.endsWith('Id') ? 'zzz' : x]))],
    ['invalid ISO durations', (v) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, /After|Every/.test(k) ? 'P-1X' : x]))],
    ['bad dates', (v) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, /Date|At$|Until/.test(k) ? '2026-13-45' : x]))],
    ['null for every field', (v) => Object.fromEntries(Object.keys(v).map((k) => [k, null]))],
  ];

  it('refuses every mutation on every writable endpoint with a 4xx and writes nothing', async () => {
    for (const endpoint of endpoints()) {
      for (const [, mutate] of mutations) {
        const body = mutate(endpoint.valid as Record<string, unknown>);
        if (JSON.stringify(body) === JSON.stringify(endpoint.valid)) continue;
        // A mutation may leave a PUT valid (e.g. nothing to mutate); only bodies that differ count.
        if (endpoint.method === 'PUT' && typeof body === 'object' && body && !Array.isArray(body) && Object.keys(body).length === 0) continue;
        await expectRefused(endpoint.method, endpoint.path, body);
      }
    }
  });

  it('answers 413 for huge strings and writes nothing', async () => {
    for (const endpoint of endpoints()) {
      const body = Object.fromEntries(Object.keys(endpoint.valid).map((k) => [k, huge]));
      await expectRefused(endpoint.method, endpoint.path, body);
    }
  });
});

describe('randomized bad input', () => {
  it('never answers 5xx or writes for arbitrary JSON bodies', async () => {
    const arbitraryBody = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    for (const endpoint of endpoints()) {
      await fc.assert(
        fc.asyncProperty(arbitraryBody, async (body) => {
          fc.pre(JSON.stringify(body) !== '{}' || endpoint.method === 'POST');
          await expectRefused(endpoint.method, endpoint.path, body);
        }),
        { numRuns: 15, seed: 20261128 },
      );
    }
  });

  it('never answers 5xx for arbitrary sort, range and filter parameters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('sort', 'range', 'filter'), fc.oneof(fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v))), async (name, value) => {
        const response = await admin.get(`/api/initiatives?${name}=${encodeURIComponent(value)}`);
        tally.tried += 1;
        if (response.status >= 500) tally.fiveHundreds += 1;
        expect(response.status, `${name}=${value} → ${response.text.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 80, seed: 20261128 },
    );
  });
});

// A PUT changes only the fields it names, on every resource: an absent field keeps its value.
// (zod used to apply `.default([])` inside `.partial()`, so a password change emptied roles.)
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type HttpClient, type TestService } from '../helpers/app.js';
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

/** Every field but the changed one and the timestamps is as it was. */
async function expectOnlyChanged(path: string, change: Record<string, unknown>) {
  const before = (await admin.get(path)).body;
  const answer = await admin.put(path, change);
  expect(answer.status, answer.text).toBe(200);
  const after = (await admin.get(path)).body;
  const { updatedAt: _a, ...restBefore } = before;
  const { updatedAt: _b, ...restAfter } = after;
  const changedKeys = Object.keys(change).filter((key) => key !== 'password');
  for (const key of changedKeys) expect(after[key], key).toEqual(change[key]);
  expect(omit(restAfter, changedKeys)).toEqual(omit(restBefore, changedKeys));
  return after;
}

const omit = (record: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));

describe('a PUT with some fields leaves the others as they are', () => {
  it('people: a new password keeps the roles, manager, unit and locale', async () => {
    const person = await admin.post('/api/people', {
      name: 'Rolf Roller',
      email: `rolf.${randomUUID().slice(0, 8)}@kommune.test`,
      roles: ['project-manager', 'change-agent'],
      managerId: service.town.ownerManager,
      unit: 'Helse',
      locale: 'en',
      password: 'et-første-langt-passord',
    });
    await expectOnlyChanged(`/api/people/${person.body.id}`, { password: 'et-helt-nytt-passord' });
    const after = await expectOnlyChanged(`/api/people/${person.body.id}`, { name: 'Rolf Roller-Hansen' });
    expect(after.roles).toEqual(['project-manager', 'change-agent']);
  });

  it('goals: a new title keeps the description, weight and active flag', async () => {
    const goal = await admin.post('/api/goals', { code: `P-${randomUUID().slice(0, 6)}`, title: 'Mål', description: 'Beskrivelse', weight: 5, active: false });
    await expectOnlyChanged(`/api/goals/${goal.body.id}`, { title: 'Nytt navn på målet' });
  });

  it('services: a new name keeps the description and owner', async () => {
    const created = await admin.post('/api/services', { name: 'Bibliotek', description: 'Utlån', ownerId: service.town.owner });
    await expectOnlyChanged(`/api/services/${created.body.id}`, { name: 'Bibliotek og kultur' });
  });

  it('initiatives: a new title keeps goal links, change agents and enthusiasts', async () => {
    const created = await admin.post('/api/initiatives', {
      title: 'Digital parkering',
      description: 'Søknad på nett',
      serviceId: service.town.service,
      projectManagerId: service.town.projectManager,
      governanceId: service.town.governance,
      goalLinks: [{ goalId: service.town.goal, contribution: 2, rationale: 'Færre papirsøknader' }],
      changeAgentIds: [service.town.changeAgent],
      enthusiastIds: [service.town.enthusiast],
    });
    // The workflow writes its read model when it enters the gate; compare after that.
    await expect.poll(async () => (await admin.get(`/api/initiatives/${created.body.id}`)).body.gateEnteredAt, { timeout: 10_000 }).toBeTruthy();
    const after = await expectOnlyChanged(`/api/initiatives/${created.body.id}`, { title: 'Digital parkeringstillatelse' });
    expect(after.changeAgentIds).toEqual([service.town.changeAgent]);
    expect(after.enthusiastIds).toEqual([service.town.enthusiast]);
    expect(after.goalLinks).toHaveLength(1);
  });

  it('benefits: a new title keeps the plan', async () => {
    const initiativeId = await service.startInitiative();
    const benefit = await admin.post('/api/benefits', {
      initiativeId,
      title: 'Kortere ventetid',
      category: 'quality',
      indicator: 'Dager',
      unit: 'dager',
      dataSource: 'Fagsystem',
      baseline: 20,
      baselineDate: '2026-01-01',
      target: 5,
      direction: 'decrease',
      measureEvery: 'P1M',
      followUpUntil: '2027-12-31',
    });
    expect(benefit.status, benefit.text).toBe(201);
    await expectOnlyChanged(`/api/benefits/${benefit.body.id}`, { title: 'Kortere saksbehandlingstid' });
  });

  it('policies: a new reminder time keeps the calendar and the other steps', async () => {
    await expectOnlyChanged('/api/policies/goal-alignment', { remindAfter: 'PT30M' });
  });
});

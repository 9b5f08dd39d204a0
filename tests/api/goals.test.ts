// Goals with a structure: a plan and its period, a parent goal and an owner. The tree never loops,
// a PUT changes only what it names, and a goal with sub-goals is not deleted from under them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type HttpClient, type TestService } from '../helpers/app.js';
import { calmPolicies } from '../helpers/fixtures.js';

let service: TestService;
let governance: HttpClient;

beforeAll(async () => {
  service = await startService();
  await calmPolicies(service.engine.db.models);
  governance = await service.as(service.town.governance);
});
afterAll(async () => {
  await service?.stop();
});

const code = (prefix: string) => `${prefix}-${randomUUID().slice(0, 6)}`;

async function goal(body: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
  const created = await governance.post('/api/goals', { code: code('KP'), title: 'Et mål fra samfunnsdelen', weight: 3, ...body });
  expect(created.status, created.text).toBe(201);
  return created.body;
}

/** A → B → C: C under B under A. */
async function chain() {
  const a = await goal({ plan: 'Kommuneplanens samfunnsdel', periodFrom: 2024, periodTo: 2035 });
  const b = await goal({ parentId: a.id });
  const c = await goal({ parentId: b.id });
  return { a, b, c };
}

describe('goals from the master plan', () => {
  it('keep their plan, period, parent and owner, and list their sub-goals by parentId', async () => {
    const parent = await goal({ plan: 'Kommuneplanens samfunnsdel', periodFrom: 2024, periodTo: 2035, ownerId: service.town.governance });
    const child = await goal({ parentId: parent.id, ownerId: service.town.owner, plan: 'Kommuneplanens samfunnsdel', periodFrom: 2024, periodTo: 2028 });

    const read = (await governance.get(`/api/goals/${child.id}`)).body;
    const children = (await governance.get(`/api/goals?filter=${encodeURIComponent(JSON.stringify({ parentId: parent.id }))}`)).body;

    expect(read).toMatchObject({ parentId: parent.id, ownerId: service.town.owner, plan: 'Kommuneplanens samfunnsdel', periodFrom: 2024, periodTo: 2028 });
    expect(children.map((g: { id: string }) => g.id)).toEqual([child.id]);
  });

  it('a PUT that moves a goal under another parent changes nothing else', async () => {
    const { a } = await chain();
    const other = await goal({ plan: 'Kommuneplanens samfunnsdel', periodFrom: 2024, periodTo: 2035, ownerId: service.town.owner });
    const before = (await governance.get(`/api/goals/${other.id}`)).body;

    const moved = await governance.put(`/api/goals/${other.id}`, { parentId: a.id });

    expect(moved.status, moved.text).toBe(200);
    const { updatedAt: _a, parentId: _p, ...restAfter } = moved.body;
    const { updatedAt: _b, parentId: _q, ...restBefore } = before;
    expect(moved.body.parentId).toBe(a.id);
    expect(restAfter).toEqual(restBefore);
  });

  it('refuses a parent below the goal with 400, naming the loop, and leaves the tree as it was', async () => {
    const { a, b, c } = await chain();

    const loop = await governance.put(`/api/goals/${a.id}`, { parentId: c.id });

    expect(loop.status).toBe(400);
    expect(loop.body.error.fields.parentId).toBe(`would make a loop: ${a.code} → ${c.code} → ${b.code} → ${a.code}`);
    expect((await governance.get(`/api/goals/${a.id}`)).body.parentId).toBeNull();
  });

  it('refuses the goal itself, something that is not a goal, and a malformed id as parent', async () => {
    const { b } = await chain();

    const self = await governance.put(`/api/goals/${b.id}`, { parentId: b.id });
    const service_ = await governance.put(`/api/goals/${b.id}`, { parentId: service.town.service });
    const created = await governance.post('/api/goals', { code: code('X'), title: 'Foreldreløst', weight: 2, parentId: service.town.owner });
    const malformed = await governance.put(`/api/goals/${b.id}`, { parentId: 'KP-1' });

    expect(self.body.error.fields).toEqual({ parentId: 'a goal cannot be its own parent' });
    expect(service_.body.error.fields).toEqual({ parentId: 'no such goal' });
    expect([created.status, created.body.error.fields]).toEqual([400, { parentId: 'no such goal' }]);
    expect([malformed.status, Object.keys(malformed.body.error.fields)]).toEqual([400, ['parentId']]);
  });

  it('wants an active person as owner', async () => {
    const { models } = service.engine.db;
    const leaver = await models.Person.create({ name: 'Sluttet Leder', email: `sluttet.${randomUUID().slice(0, 8)}@kommune.test`, roles: ['service-owner'], active: false });
    const target = await goal();

    const notAPerson = await governance.put(`/api/goals/${target.id}`, { ownerId: service.town.goal });
    const inactive = await governance.put(`/api/goals/${target.id}`, { ownerId: String(leaver._id) });
    const cleared = await governance.put(`/api/goals/${target.id}`, { ownerId: null });

    expect(notAPerson.body.error.fields).toEqual({ ownerId: 'must be an active person' });
    expect(inactive.body.error.fields).toEqual({ ownerId: 'must be an active person' });
    expect([cleared.status, cleared.body.ownerId]).toEqual([200, null]);
  });

  it('wants the period in whole years that run forwards, also when a PUT names only one end', async () => {
    const planned = await goal({ periodFrom: 2024, periodTo: 2035 });

    const backwards = await governance.post('/api/goals', { code: code('B'), title: 'Baklengs', weight: 2, periodFrom: 2035, periodTo: 2024 });
    const endBeforeStart = await governance.put(`/api/goals/${planned.id}`, { periodTo: 2020 });
    const notAYear = await governance.post('/api/goals', { code: code('D'), title: 'Dato', weight: 2, periodFrom: '2024-01-01' });
    const fraction = await governance.post('/api/goals', { code: code('F'), title: 'Brøk', weight: 2, periodTo: 2030.5 });
    const farAway = await governance.post('/api/goals', { code: code('L'), title: 'Langt fram', weight: 2, periodTo: 3035 });

    expect(backwards.body.error.fields).toEqual({ periodTo: 'must not be before 2035' });
    expect(endBeforeStart.body.error.fields).toEqual({ periodTo: 'must not be before 2024' });
    for (const answer of [notAYear, fraction, farAway]) expect(answer.status, answer.text).toBe(400);
    expect(Object.keys(fraction.body.error.fields)).toEqual(['periodTo']);
    expect((await governance.get(`/api/goals/${planned.id}`)).body.periodTo).toBe(2035);
  });

  it('keeps a goal with sub-goals: 409 until they move', async () => {
    const { b, c } = await chain();

    const refused = await governance.del(`/api/goals/${b.id}`);
    await governance.put(`/api/goals/${c.id}`, { parentId: null });
    const deleted = await governance.del(`/api/goals/${b.id}`);

    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/sub-goals/);
    expect(deleted.status).toBe(200);
  });

  it('refuses malformed plan, period, parent and owner values field by field, and writes nothing', async () => {
    const { models } = service.engine.db;
    const target = await goal({ plan: 'Kommuneplanens samfunnsdel', periodFrom: 2024, periodTo: 2035 });
    const bad: Record<string, unknown[]> = {
      plan: [12, 'to\nlinjer', 'x'.repeat(201), { $ne: '' }],
      periodFrom: ['2024', 1999, 2101, 2024.5, { $gt: 0 }, true],
      periodTo: ['2035', 1999, 2101, 2035.5, [2035]],
      parentId: ['zzz', 12, { $ne: null }, [service.town.goal]],
      ownerId: ['zzz', 12, { $ne: null }, ''],
    };
    const goalsBefore = await models.Goal.countDocuments();
    const stored = JSON.stringify(await models.Goal.findById(target.id).lean());

    for (const [field, values] of Object.entries(bad)) {
      for (const value of values) {
        const created = await governance.post('/api/goals', { code: code('BAD'), title: 'Feil', weight: 2, [field]: value });
        const updated = await governance.put(`/api/goals/${target.id}`, { [field]: value });
        for (const answer of [created, updated]) {
          expect([answer.status, Object.keys(answer.body.error?.fields ?? {})], `${field} = ${JSON.stringify(value)}`).toEqual([400, [field]]);
        }
      }
    }

    expect(await models.Goal.countDocuments()).toBe(goalsBefore);
    expect(JSON.stringify(await models.Goal.findById(target.id).lean())).toBe(stored);
  });

  it('lets only governance roles (and administrators) change the structure', async () => {
    const { b } = await chain();
    const projectManager = await service.as(service.town.projectManager);

    expect((await projectManager.put(`/api/goals/${b.id}`, { parentId: null })).status).toBe(403);
  });
});

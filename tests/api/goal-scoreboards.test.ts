// The scoreboards in kroner and through the goal tree: a measurement reported over the API moves
// the realised NOK a year (the workflow evaluates it), and goals roll their figures up to the top.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type HttpClient, type TestService } from '../helpers/app.js';
import { eventually } from '../helpers/browser.js';
import { addBenefit, calmPolicies, createInitiativeDoc } from '../helpers/fixtures.js';
import { inBenefitRealisation } from '../browser/scenarios.js';

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

interface GoalRow {
  goalId: string;
  initiatives: number;
  benefits: number;
  plannedValuePerYear: number;
  realisedValuePerYear: number;
  byGate: Record<string, number>;
  children: GoalRow[];
  [field: string]: unknown;
}

const findGoal = (rows: GoalRow[], id: string): GoalRow | undefined => {
  for (const row of rows) {
    if (row.goalId === id) return row;
    const found = findGoal(row.children, id);
    if (found) return found;
  }
  return undefined;
};

async function goal(body: Record<string, unknown>): Promise<string> {
  const created = await governance.post('/api/goals', { code: `M-${randomUUID().slice(0, 6)}`, title: 'Mål', weight: 3, ...body });
  expect(created.status, created.text).toBe(201);
  return created.body.id;
}

describe('scoreboards in kroner', () => {
  it('a measurement reported over the API moves the realised NOK a year for the service owner', async () => {
    const { town } = service;
    const arranged = await inBenefitRealisation(service, 'Digital timebestilling', { valuePerYear: 400_000, ownerId: town.englishOwner });
    const projectManager = await service.as(town.projectManager);

    const before = (await governance.get('/api/reports/owners')).body.find((row: { ownerId: string }) => row.ownerId === town.englishOwner);
    const measured = await projectManager.post('/api/measurements', { benefitId: arranged.benefitId, value: 45, measuredAt: new Date().toISOString(), note: 'Halvveis' });
    expect(measured.status, measured.text).toBe(201);
    await eventually('the workflow to evaluate the measurement', async () => (await service.engine.db.models.Benefit.findById(arranged.benefitId).lean())?.latestValue === 45);
    const after = (await governance.get('/api/reports/owners')).body.find((row: { ownerId: string }) => row.ownerId === town.englishOwner);

    expect(before).toMatchObject({ benefits: 1, valued: 1, plannedValuePerYear: 400_000, realisedValuePerYear: 0, notMeasured: 1 });
    // (45 − 10) / (80 − 10) = 50 % of the target reached: half of the value.
    expect(after).toMatchObject({ benefits: 1, onTrack: 1, plannedValuePerYear: 400_000, realisedValuePerYear: 200_000 });
  });

  it('a benefit whose read model has no realised value yet gets it from its achievement', async () => {
    const { models } = service.engine.db;
    const owner = await models.Person.create({ name: 'Gammel Leder', email: `gammel.${randomUUID().slice(0, 8)}@kommune.test`, roles: ['service-owner'] });
    const id = await createInitiativeDoc(models, service.town);
    await addBenefit(models, id, String(owner._id), { valuePerYear: 120_000, achievement: 0.25, band: 'watch', realisedValuePerYear: null });

    const row = (await governance.get('/api/reports/owners')).body.find((r: { ownerId: string }) => r.ownerId === String(owner._id));

    expect(row).toMatchObject({ ownerName: 'Gammel Leder', watch: 1, plannedValuePerYear: 120_000, realisedValuePerYear: 30_000 });
  });
});

describe('the goal scoreboard follows the goal tree', () => {
  it('nests sub-goals under their parent and rolls initiatives, gates, bands and NOK up, each initiative once', async () => {
    const { models } = service.engine.db;
    const { town } = service;
    const top = await goal({ plan: 'Kommuneplanens samfunnsdel', periodFrom: 2024, periodTo: 2035, ownerId: town.governance });
    const health = await goal({ parentId: top });
    const homes = await goal({ parentId: top });
    const leaf = await goal({ parentId: health });
    const link = (goalId: string) => ({ goalId, contribution: 2, rationale: 'Bidrar' });
    // One initiative serves two sub-goals; it must count once at the top.
    const both = await createInitiativeDoc(models, town, { goalLinks: [link(leaf), link(homes)], goalIds: [leaf, homes], gate: 'benefit-realisation' });
    const onlyHomes = await createInitiativeDoc(models, town, { goalLinks: [link(homes)], goalIds: [homes], gate: 'implementation' });
    const done = await createInitiativeDoc(models, town, { goalLinks: [link(health)], goalIds: [health], gate: 'benefit-realisation', status: 'completed' });
    await createInitiativeDoc(models, town, { goalLinks: [link(health)], goalIds: [health], status: 'cancelled' });
    await addBenefit(models, both, town.owner, { band: 'on-track', realised: true, valuePerYear: 300_000, achievement: 1, realisedValuePerYear: 300_000 });
    await addBenefit(models, onlyHomes, town.owner, { band: 'off-track', valuePerYear: 100_000, achievement: 0.1, realisedValuePerYear: 10_000 });
    await addBenefit(models, done, town.owner, { band: 'watch' });

    const rows: GoalRow[] = (await governance.get('/api/reports/goals')).body;

    expect(rows.map((r) => r.goalId)).toContain(top);
    expect(rows.map((r) => r.goalId)).not.toContain(health);
    const root = findGoal(rows, top)!;
    expect(root).toMatchObject({
      plan: 'Kommuneplanens samfunnsdel',
      periodFrom: 2024,
      periodTo: 2035,
      ownerName: 'Gunn Styring',
      initiatives: 3,
      completed: 1,
      byGate: { 'goal-alignment': 0, 'owner-signoff': 0, implementation: 1, 'benefit-realisation': 1 },
      benefits: 3,
      realised: 1,
      onTrack: 1,
      watch: 1,
      offTrack: 1,
      plannedValuePerYear: 400_000,
      realisedValuePerYear: 310_000,
    });
    expect(root.children.map((c) => c.goalId).sort()).toEqual([health, homes].sort());
    expect(findGoal(rows, health)).toMatchObject({ parentId: top, initiatives: 2, benefits: 2, plannedValuePerYear: 300_000 });
    expect(findGoal(rows, homes)).toMatchObject({ initiatives: 2, benefits: 2, plannedValuePerYear: 400_000, realisedValuePerYear: 310_000 });
    expect(findGoal(rows, leaf)).toMatchObject({ parentId: health, initiatives: 1, children: [], realisedValuePerYear: 300_000 });
  });

  it('keeps the round-1 fields the console reads', async () => {
    const rows: GoalRow[] = (await governance.get('/api/reports/goals')).body;

    expect(findGoal(rows, service.town.goal)).toEqual(
      expect.objectContaining({ goalId: service.town.goal, code: expect.any(String), title: expect.any(String), active: true, initiatives: expect.any(Number), overdue: expect.any(Number) }),
    );
  });
});

// Scoreboards for the console: benefits per service owner and per strategic goal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type HttpClient, type TestService } from '../helpers/app.js';
import { addBenefit, calmPolicies, createInitiativeDoc } from '../helpers/fixtures.js';

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

describe('benefit scoreboards', () => {
  it('count benefits realised, on track, watch, off track and overdue per service owner and per goal', async () => {
    const { town } = service;
    const models = service.engine.db.models;
    const id = await createInitiativeDoc(models, town);
    const past = new Date(Date.now() - 86_400_000);
    await addBenefit(models, id, town.owner, { band: 'on-track', realised: true });
    await addBenefit(models, id, town.owner, { band: 'off-track', onTrack: false, nextMeasurementDue: past });
    await addBenefit(models, id, town.englishOwner, { band: 'watch' });

    const owners = (await governance.get('/api/reports/owners')).body as { ownerId: string; ownerName: string }[];
    const goals = (await governance.get('/api/reports/goals')).body as { goalId: string }[];

    expect(owners.find((o) => o.ownerId === town.owner)).toMatchObject({ ownerName: 'Tor Tjenesteeier', benefits: 2, realised: 1, onTrack: 1, offTrack: 1, overdue: 1, watch: 0 });
    expect(owners.find((o) => o.ownerId === town.englishOwner)).toMatchObject({ benefits: 1, watch: 1 });
    expect(goals.find((g) => g.goalId === town.goal)).toMatchObject({ initiatives: 1, benefits: 3, realised: 1, offTrack: 1, overdue: 1 });
  });

  it('needs a session', async () => {
    expect((await service.anonymous().get('/api/reports/goals')).status).toBe(401);
  });
});

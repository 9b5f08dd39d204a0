// The demo municipality seeded on a first `npm start`: real workflows spread over all gates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../api/demo-data.js';
import { startService, type TestService } from '../helpers/app.js';

let service: TestService;

beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service?.stop();
});

describe('the demo municipality', () => {
  it('seeds goals, services, people in every role and initiatives in all four gates as running workflows', async () => {
    await seedDemoData(service.context);

    const models = service.engine.db.models;
    const initiatives = await models.Initiative.find({ title: { $not: /trygghetsalarm/ } }).lean();
    expect(new Set(initiatives.map((i) => i.gate))).toEqual(new Set(['goal-alignment', 'owner-signoff', 'implementation', 'benefit-realisation']));
    for (const initiative of initiatives) {
      const description = await service.engine.client.workflow.getHandle(initiative.workflowId!).describe();
      expect(description.status.name).toBe('RUNNING');
    }
    const roles = new Set((await models.Person.find({}).lean()).flatMap((p) => p.roles));
    expect(roles).toEqual(new Set(['admin', 'project-manager', 'service-owner', 'governance', 'change-agent', 'enthusiast']));
    expect(await models.Measurement.countDocuments()).toBeGreaterThan(0);
  });

  it('does nothing when the database already has initiatives', async () => {
    const before = await service.engine.db.models.Initiative.countDocuments();
    await seedDemoData(service.context);
    expect(await service.engine.db.models.Initiative.countDocuments()).toBe(before);
  });
});

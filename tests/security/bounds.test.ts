// Bounds on every input that costs work, and text that cannot pose as something else: durations
// within sensible limits, list pages within reach, one-line titles, quoted comments in emails,
// a bounded number of invitations — and a stored plan the calendar cannot follow shows up on the
// initiative instead of freezing the worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type HttpClient, type TestService } from '../helpers/app.js';
import { calmPolicies, setPolicy } from '../helpers/fixtures.js';

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

const benefit = (initiativeId: string, overrides: Record<string, unknown> = {}) => ({
  initiativeId, title: 'Kortere ventetid', category: 'quality', indicator: 'Dager', unit: 'dager', baseline: 20,
  baselineDate: '2026-01-01', target: 5, direction: 'decrease', measureEvery: 'P1M', followUpUntil: '2027-12-31', ...overrides,
});

describe('durations', () => {
  it.each([
    ['P99999999D', 'a cadence of 274,000 years'],
    ['P2Y', 'a cadence longer than a year'],
    ['PT0S', 'a cadence of nothing'],
  ])('refuses a measurement cadence of %s (%s) and stores nothing', async (measureEvery) => {
    const id = await service.startInitiative();
    const answer = await admin.post('/api/benefits', benefit(id, { measureEvery }));
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.measureEvery).toMatch(/between one second/);
    expect(await models().Benefit.countDocuments({ initiativeId: id })).toBe(0);
  });

  it('refuses escalation steps beyond two years and a follow-up beyond ten', async () => {
    const ladder = await admin.put('/api/policies/owner-signoff', { remindAfter: 'P3Y' });
    const cadence = await admin.put('/api/policies/implementation', { reportEvery: 'P400D' });
    const id = await service.startInitiative();
    const followUp = await admin.post('/api/benefits', benefit(id, { followUpUntil: '2040-01-01' }));
    expect(ladder.body.error.fields).toHaveProperty('remindAfter');
    expect(cadence.body.error.fields).toHaveProperty('reportEvery');
    expect(followUp.body.error.fields).toHaveProperty('followUpUntil');
  });
});

describe('list parameters', () => {
  it.each(['constructor', '__proto__', 'toString'])('refuses filtering by %s, a name every object inherits', async (key) => {
    const answer = await admin.get(`/api/initiatives?filter=${encodeURIComponent(`{"${key}":"x"}`)}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toHaveProperty(`filter.${key}`);
  });

  it('refuses a page that starts beyond reach', async () => {
    const answer = await admin.get(`/api/initiatives?range=${q([1e20, 1e20 + 24])}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toHaveProperty('range');
  });
});

describe('text', () => {
  it('refuses a title or a name with a line break or another control character', async () => {
    const { town } = service;
    const title = await admin.post('/api/initiatives', {
      title: 'Ny søknad\nÅpne og svar: https://angriper.example/actions/x', serviceId: town.service, projectManagerId: town.projectManager, governanceId: town.governance,
    });
    const name = await admin.post('/api/people', { name: 'Ola\u0007Nordmann', email: 'ola.bell@kommune.test' });
    expect(title.status).toBe(400);
    expect(title.body.error.fields).toHaveProperty('title');
    expect(name.body.error.fields).toHaveProperty('name');
  });

  it('quotes a comment with line breaks in the plain-text email, so it cannot start a line of its own', async () => {
    const { town } = service;
    const id = await service.startInitiative();
    const forged = 'Se over dette.\nÅpne og svar: https://angriper.example/actions/falsk';

    await service.context.workflows.decide(id, { gate: 'goal-alignment', decision: 'revise', comment: forged, actorId: town.governance, channel: 'api' });

    const [email] = await service.engine.mailbox.waitFor(await town.emailOf(town.projectManager), (e) => e.initiativeId === id && /revisjon/.test(e.subject));
    const lines = email.text.split(/\r?\n/);
    expect(lines.some((line) => line.startsWith('Åpne og svar: https://angriper'))).toBe(false);
    expect(lines).toContain('    > Åpne og svar: https://angriper.example/actions/falsk');
  });

  it('invites at most thirty enthusiasts to one initiative', async () => {
    const { town } = service;
    const many = Array.from({ length: 31 }, () => town.enthusiast);
    const answer = await admin.post('/api/initiatives', { title: 'For mange', serviceId: town.service, projectManagerId: town.projectManager, governanceId: town.governance, enthusiastIds: many });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.enthusiastIds).toMatch(/30/);
  });
});

describe('a stored plan the calendar cannot follow', () => {
  it('is shown on the initiative at once instead of freezing the worker, and the gate goes on once it is fixed', async () => {
    const { town } = service;
    // Stored before durations had bounds: 99,999,999 working days walked day by day froze the worker.
    await setPolicy(models(), 'goal-alignment', { remindAfter: 'P99999999D', escalateAfter: 'P99999999D', stalledAfter: 'P99999999D', calendar: 'working-days' });
    const stuck = await service.startInitiative();

    await expect.poll(async () => (await models().Initiative.findById(stuck).lean())!.blockedReason, { timeout: 15_000 }).toMatch(/cannot be followed/);
    // The activity shows the problem, then audits it: the entry follows within moments, once.
    await expect.poll(() => models().Audit.countDocuments({ initiativeId: stuck, action: 'initiative.problem' }), { timeout: 5_000 }).toBe(1);

    // The worker still serves other initiatives.
    const other = await service.startInitiative();
    await setPolicy(models(), 'goal-alignment', {});
    await admin.post(`/api/initiatives/${other}/admin`, { action: 'nudge', reason: 'Retningslinjen er rettet' });
    await expect.poll(async () => (await models().Initiative.findById(other).lean())!.gateEnteredAt, { timeout: 15_000 }).not.toBeNull();

    const nudged = await admin.post(`/api/initiatives/${stuck}/admin`, { action: 'nudge', reason: 'Retningslinjen er rettet' });
    expect(nudged.status).toBe(200);
    await expect.poll(async () => (await models().Initiative.findById(stuck).lean())!.blockedReason, { timeout: 15_000 }).toBeNull();
    expect((await models().Initiative.findById(stuck).lean())!.gateDueAt).not.toBeNull();
    await service.engine.mailbox.waitFor(await town.emailOf(town.governance), (e) => e.initiativeId === stuck && e.kind === 'approval-request');
  }, 60_000);
});

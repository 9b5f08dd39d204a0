// The demo municipality seeded on a first `npm start`: real workflows spread over all gates, and
// governance at work in them — a board, a draft, a revision, conditions, checklists, a deputy,
// readiness, comments, a plan change — with people who can log in with the demo password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoLogins, seedDemoData } from '../../api/demo-data.js';
import { deputyAt } from '../../domain/gates.js';
import { httpClient, startService, type TestService } from '../helpers/app.js';

let service: TestService;
const DEMO = /@fjordvik\.kommune\.test$/;

beforeAll(async () => {
  service = await startService();
  const started = Date.now();
  await seedDemoData(service.context);
  console.info(`demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
afterAll(async () => {
  await service?.stop();
});

const models = () => service.engine.db.models;
const demoInitiatives = async () => {
  const goals = await models().Goal.find({ code: /^KP-/ }, { _id: 1 }).lean();
  return models().Initiative.find({ goalIds: { $in: goals.map((g) => String(g._id)) } }).lean();
};

describe('the demo municipality', () => {
  it('seeds goals, services, people in every role and initiatives in all four gates as running workflows', async () => {
    const initiatives = await demoInitiatives();
    expect(new Set(initiatives.map((i) => i.gate))).toEqual(new Set(['goal-alignment', 'owner-signoff', 'implementation', 'benefit-realisation']));
    for (const initiative of initiatives) {
      const description = await service.engine.client.workflow.getHandle(initiative.workflowId!).describe();
      expect(description.status.name).toBe('RUNNING');
    }
    const roles = new Set((await models().Person.find({}).lean()).flatMap((p) => p.roles));
    expect(roles).toEqual(new Set(['admin', 'project-manager', 'service-owner', 'governance', 'change-agent', 'enthusiast']));
    expect(await models().Measurement.countDocuments()).toBeGreaterThan(0);
  });

  it('lets every demo person log in with the demo password, which `npm start` prints', async () => {
    const people = await models().Person.find({ email: DEMO }).lean();
    expect(people.length).toBeGreaterThan(10);
    for (const person of people) {
      const login = await httpClient(service.baseUrl).post('/api/auth/login', { email: person.email, password: DEMO_PASSWORD });
      expect(login.status, person.email).toBe(200);
    }
    expect((await demoLogins(service.baseUrl))?.join('\n')).toContain(DEMO_PASSWORD);
  });

  it('has a portfolio board that decided goal alignment, a draft, and an initiative sent back for revision', async () => {
    const initiatives = await demoInitiatives();
    const board = await models().Board.findOne({ name: 'Porteføljestyret' }).lean();
    expect(board!.memberIds.length).toBeGreaterThanOrEqual(3);
    const boardDecisions = await models().Decision.find({ onBehalfOf: String(board!._id) }).lean();
    expect(boardDecisions.length).toBeGreaterThanOrEqual(2);
    expect(initiatives.filter((i) => i.status === 'draft')).toHaveLength(1);
    const revision = initiatives.find((i) => i.gateStep === 'revision');
    expect(revision?.waitingOnId).toBe(revision?.projectManagerId);
  });

  it('has open conditions, a checklist in progress and an owner away on holiday whose deputy is asked', async () => {
    const initiatives = await demoInitiatives();
    expect(await models().Condition.countDocuments({ status: 'open' })).toBeGreaterThanOrEqual(2);
    expect(await models().Condition.countDocuments({ status: 'met' })).toBeGreaterThanOrEqual(1);
    const signoff = initiatives.find((i) => i.gate === 'owner-signoff')!;
    expect(signoff.checklist.filter((e) => e.gate === 'owner-signoff' && e.status === 'done')).toHaveLength(1);
    const owner = await models().Person.findById(signoff.serviceOwnerId).lean();
    const deputy = deputyAt(owner, new Date());
    expect(deputy).toBeTruthy();
    const [request] = await service.engine.mailbox.waitFor(
      (await models().Person.findById(deputy).lean())!.email,
      (e) => e.initiativeId === String(signoff._id) && e.kind === 'approval-request',
    );
    expect(request).toBeTruthy();
  });

  it('values several benefits per initiative in kroner, with a plan change awaiting its owner and a realised benefit taken out', async () => {
    for (const initiative of (await demoInitiatives()).filter((i) => !i.title.startsWith('Byggesak med') && i.kind === 'project')) {
      const benefits = await models().Benefit.find({ initiativeId: String(initiative._id) }).lean();
      expect(benefits.length, initiative.title).toBeGreaterThanOrEqual(2);
      expect(benefits.every((b) => (b.valuePerYear ?? 0) > 0), initiative.title).toBe(true);
    }
    const pending = await models().PlanChange.find({ status: 'pending' }).lean();
    expect(pending).toHaveLength(1);
    expect((await models().Benefit.findById(pending[0].benefitId).lean())!.target).not.toBe((pending[0].changes as { target: number }).target);
    expect(await models().Benefit.countDocuments({ realised: true, 'harvest.how': 'capacity-redeployed' })).toBe(1);
  });

  it('takes goals from the master plan with sub-goals, and has readiness answers and enthusiasts\' comments', async () => {
    const child = await models().Goal.findOne({ code: 'KP-2.1' }).lean();
    const parent = await models().Goal.findById(child!.parentId).lean();
    expect(parent!.code).toBe('KP-2');
    expect([parent!.plan, parent!.periodFrom, parent!.periodTo]).toEqual(['Kommuneplanens samfunnsdel 2024–2036', 2024, 2036]);
    expect(new Set((await models().Readiness.find({}).lean()).map((r) => r.status))).toEqual(new Set(['ready', 'not-ready']));
    const enthusiasts = (await models().Person.find({ roles: 'enthusiast', email: DEMO }).lean()).map((p) => String(p._id));
    expect(await models().Comment.countDocuments({ authorId: { $in: enthusiasts } })).toBeGreaterThanOrEqual(3);
  });

  it('does nothing when the database already has initiatives', async () => {
    const before = await models().Initiative.countDocuments();
    await seedDemoData(service.context);
    expect(await models().Initiative.countDocuments()).toBe(before);
  });
});

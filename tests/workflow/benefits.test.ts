// Benefit realisation on the real stack: measurement requests on the cadence, evaluation of each
// measurement, escalation of missing ones, the final outcome, and continue-as-new over long follow-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflowGateway, type WorkflowGateway } from '../../api/temporal.js';
import { recordMeasurement } from '../../api/measurements.js';
import type { AppContext } from '../../api/context.js';
import { workflowIdFor, type WorkflowState } from '../../workflows/definitions.js';
import { addBenefit, calmPolicies, createInitiativeDoc, createMunicipality, setPolicy, type Municipality } from '../helpers/fixtures.js';
import { startEngine, type Engine } from '../helpers/engine.js';
import { recordHistory } from '../helpers/histories.js';

let engine: Engine;
let gateway: WorkflowGateway;
let context: AppContext;
let town: Municipality;

beforeAll(async () => {
  engine = await startEngine();
  gateway = createWorkflowGateway(engine.client, engine.config);
  context = { config: engine.config, db: engine.db, workflows: gateway };
  town = await createMunicipality(engine.db.models);
  await calmPolicies(engine.db.models);
});
afterAll(async () => {
  await engine?.stop();
});

const seconds = (n: number) => new Date(Date.now() + n * 1000);

/** Creates an initiative with the given benefits and drives it to the benefit-realisation gate. */
async function atBenefitGate(benefits: Record<string, unknown>[], continueAsNewAfterEvents?: number) {
  const id = await createInitiativeDoc(engine.db.models, town);
  const benefitIds = [];
  for (const b of benefits) benefitIds.push(await addBenefit(engine.db.models, id, town.owner, b));
  await engine.client.workflow.start('initiativeWorkflow', {
    taskQueue: engine.config.temporal.taskQueue,
    workflowId: workflowIdFor(id),
    args: [{ initiativeId: id, kind: 'project', continueAsNewAfterEvents }],
  });
  const decide = (gate: string, actorId: string, step: 'decision' | 'confirmation' = 'decision') =>
    gateway.decide(id, { gate: gate as never, step, decision: 'approve', comment: '', actorId, channel: 'api' });
  await decide('goal-alignment', town.governance);
  await decide('owner-signoff', town.owner);
  await decide('implementation', town.projectManager);
  await decide('implementation', town.owner, 'confirmation');
  return { id, benefitIds };
}

const finalState = (id: string) => engine.client.workflow.getHandle(workflowIdFor(id)).result() as Promise<WorkflowState>;
const measure = (benefitId: string, value: number) =>
  recordMeasurement(context, { benefitId, value, measuredAt: new Date(), note: '', reportedById: town.owner, channel: 'api' });

describe('benefit realisation', () => {
  it('asks the benefit owner for the next measurement one cadence after the last one', async () => {
    // Follow-up long enough that a loaded machine still reaches the second request within it.
    const { id, benefitIds } = await atBenefitGate([{ measureEvery: 'PT1S', followUpUntil: seconds(90) }]);
    const ownerEmail = await town.emailOf(town.owner);
    const isRequest = (e: { initiativeId: string; kind: string }) => e.initiativeId === id && e.kind === 'measurement-request';
    await engine.mailbox.waitFor(ownerEmail, isRequest);
    const before = await engine.db.models.Benefit.findById(benefitIds[0]).lean();

    await measure(benefitIds[0], 20);

    const requests = await engine.mailbox.waitFor(ownerEmail, isRequest, { count: 2 });
    const after = await engine.db.models.Benefit.findById(benefitIds[0]).lean();
    expect(after!.nextMeasurementDue!.getTime()).toBeGreaterThan(before!.nextMeasurementDue!.getTime());
    expect(requests[0].text).toMatch(/\/actions\//);
    expect(requests[0].subject).toContain('Færre manuelle søknader');
    const benefit = await engine.db.models.Benefit.findOne({ initiativeId: id }).lean();
    expect(benefit!.followUpStartedAt).not.toBeNull();
    await gateway.admin(id, { action: 'cancel', reason: 'test over', actorId: town.admin, channel: 'api' });
  });

  it('ends the gate as realised when the benefit reaches its target', async () => {
    const { id, benefitIds } = await atBenefitGate([{ measureEvery: 'PT1H', followUpUntil: seconds(120) }]);

    await measure(benefitIds[0], 85);

    const state = await finalState(id);
    expect(state.status).toBe('completed');
    expect(state.benefitOutcome).toBe('realised');
    const initiative = await engine.db.models.Initiative.findById(id).lean();
    expect(initiative).toMatchObject({ status: 'completed', benefitOutcome: 'realised' });
    const benefit = await engine.db.models.Benefit.findById(benefitIds[0]).lean();
    expect(benefit).toMatchObject({ latestValue: 85, realised: true, band: 'on-track' });
    expect(benefit!.achievement).toBeCloseTo((85 - 10) / (80 - 10));
    await recordHistory(engine.client, workflowIdFor(id), 'benefit-realised');
  });

  it('ends as not realised when the follow-up period ends without reaching the target', async () => {
    const { id, benefitIds } = await atBenefitGate([{ measureEvery: 'PT1H', followUpUntil: seconds(3) }]);
    await measure(benefitIds[0], 30);

    const state = await finalState(id);

    expect(state.benefitOutcome).toBe('not-realised');
  });

  it('ends as partly realised when only some benefits reach their target', async () => {
    const { id, benefitIds } = await atBenefitGate([
      { measureEvery: 'PT1H', followUpUntil: seconds(15) },
      { measureEvery: 'PT1H', followUpUntil: seconds(15), title: 'Kortere ventetid' },
    ]);
    await measure(benefitIds[0], 90);

    expect((await finalState(id)).benefitOutcome).toBe('partly');
    const governanceEmail = await town.emailOf(town.governance);
    await engine.mailbox.waitFor(governanceEmail, (e) => e.initiativeId === id && e.kind === 'notification' && /fullført/.test(e.subject));
  });

  it('notifies the governance role when a benefit goes off track', async () => {
    const { id, benefitIds } = await atBenefitGate([{ measureEvery: 'PT1H', followUpUntil: seconds(30) }]);
    await new Promise((r) => setTimeout(r, 6_000));

    await measure(benefitIds[0], 10);

    const governanceEmail = await town.emailOf(town.governance);
    const [notice] = await engine.mailbox.waitFor(governanceEmail, (e) => e.initiativeId === id && /Avvik/.test(e.subject));
    expect(notice.kind).toBe('notification');
    const benefit = await engine.db.models.Benefit.findById(benefitIds[0]).lean();
    expect(benefit).toMatchObject({ band: 'off-track', onTrack: false });
    await gateway.admin(id, { action: 'cancel', reason: 'test over', actorId: town.admin, channel: 'api' });
  });

  it('escalates a measurement request that is not answered', async () => {
    await setPolicy(engine.db.models, 'benefit-realisation', { remindAfter: 'PT1S', escalateAfter: 'PT2S', stalledAfter: 'PT1H' });
    const { id } = await atBenefitGate([{ measureEvery: 'PT1S', followUpUntil: seconds(30) }]);

    const ownerEmail = await town.emailOf(town.owner);
    await engine.mailbox.waitFor(ownerEmail, (e) => e.initiativeId === id && e.kind === 'reminder');
    const managerEmail = await town.emailOf(town.ownerManager);
    await engine.mailbox.waitFor(managerEmail, (e) => e.initiativeId === id && e.kind === 'escalation');

    const initiative = await engine.db.models.Initiative.findById(id).lean();
    expect(initiative!.escalationLevel).toBeGreaterThanOrEqual(2);
    await gateway.admin(id, { action: 'cancel', reason: 'test over', actorId: town.admin, channel: 'api' });
    await setPolicy(engine.db.models, 'benefit-realisation', {});
  });

  it('keeps every measurement across continue-as-new and ends correctly', async () => {
    const { id, benefitIds } = await atBenefitGate([{ measureEvery: 'PT1S', followUpUntil: seconds(25) }], 60);
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 1_200));
      await measure(benefitIds[0], 20 + i);
    }

    const state = await finalState(id);

    expect(state.followUpCycles).toBeGreaterThanOrEqual(2);
    expect(state.benefitOutcome).toBe('not-realised');
    expect(await engine.db.models.Measurement.countDocuments({ benefitId: benefitIds[0] })).toBe(6);
    const benefit = await engine.db.models.Benefit.findById(benefitIds[0]).lean();
    expect(benefit!.latestValue).toBe(25);
    const describe = await engine.client.workflow.getHandle(workflowIdFor(id)).describe();
    expect(describe.historyLength).toBeLessThan(200);
  });
});

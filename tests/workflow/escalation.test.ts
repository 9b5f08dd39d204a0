// The escalation ladder with `elapsed` policies of a few seconds: reminder to the responsible
// person, escalation to their manager (or governance), then stalled — in email, read model and
// Temporal's search attributes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflowGateway, type WorkflowGateway } from '../../api/temporal.js';
import { workflowIdFor } from '../../workflows/definitions.js';
import { addBenefit, calmPolicies, createInitiativeDoc, createMunicipality, setPolicy, type Municipality } from '../helpers/fixtures.js';
import { startEngine, type Engine } from '../helpers/engine.js';
import { recordHistory } from '../helpers/histories.js';

let engine: Engine;
let gateway: WorkflowGateway;
let town: Municipality;

beforeAll(async () => {
  engine = await startEngine();
  gateway = createWorkflowGateway(engine.client, engine.config);
  town = await createMunicipality(engine.db.models);
  await calmPolicies(engine.db.models);
});
afterAll(async () => {
  await engine?.stop();
});

const readModel = async (id: string) => (await engine.db.models.Initiative.findById(id).lean())!;

async function waitForReadModel(id: string, predicate: (doc: Awaited<ReturnType<typeof readModel>>) => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const doc = await readModel(id);
    if (predicate(doc)) return doc;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('read model did not reach the expected state');
}

describe('the escalation ladder', () => {
  it('when the service owner ignores the request: reminder, then escalation to their manager, then stalled', async () => {
    await setPolicy(engine.db.models, 'owner-signoff', { remindAfter: 'PT2S', escalateAfter: 'PT4S', stalledAfter: 'PT6S' });
    const id = await createInitiativeDoc(engine.db.models, town);
    await addBenefit(engine.db.models, id, town.owner);
    await gateway.start(id, 'project');
    await gateway.decide(id, { gate: 'goal-alignment', decision: 'approve', comment: '', actorId: town.governance, channel: 'api' });
    const entered = await readModel(id);
    expect(entered.escalationLevel).toBe(0);
    expect(entered.gateDueAt!.getTime() - entered.gateEnteredAt!.getTime()).toBe(2_000);

    const ownerEmail = await town.emailOf(town.owner);
    const [reminder] = await engine.mailbox.waitFor(ownerEmail, (e) => e.initiativeId === id && e.kind === 'reminder');
    expect(reminder.text).toMatch(/\/actions\//);
    expect((await waitForReadModel(id, (d) => d.escalationLevel >= 1)).stalled).toBe(false);

    const managerEmail = await town.emailOf(town.ownerManager);
    const [escalation] = await engine.mailbox.waitFor(managerEmail, (e) => e.initiativeId === id && e.kind === 'escalation');
    expect(escalation.text).toContain('Tor Tjenesteeier');
    await waitForReadModel(id, (d) => d.escalationLevel >= 2);

    const stalled = await waitForReadModel(id, (d) => d.stalled);
    expect(stalled.escalationLevel).toBe(3);
    const governanceEmail = await town.emailOf(town.governance);
    await engine.mailbox.waitFor(governanceEmail, (e) => e.initiativeId === id && e.kind === 'escalation');

    const found = await findByVisibility(`WorkflowId = '${workflowIdFor(id)}' AND EpStalled = true AND EpGate = 'owner-signoff'`);
    expect(found).toBe(1);
    const audit = await engine.db.models.Audit.find({ initiativeId: id }).lean();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['gate.reminded', 'gate.escalated', 'gate.stalled']));
    await recordHistory(engine.client, workflowIdFor(id), 'owner-signoff-stalled');
  });

  it('a decision that arrives after the gate stalled is taken like any other', async () => {
    await setPolicy(engine.db.models, 'goal-alignment', { remindAfter: 'PT1S', escalateAfter: 'PT2S', stalledAfter: 'PT3S' });
    const id = await createInitiativeDoc(engine.db.models, town);
    await gateway.start(id, 'project');
    await waitForReadModel(id, (d) => d.stalled);

    await gateway.decide(id, { gate: 'goal-alignment', decision: 'approve', comment: 'Beklager seint svar', actorId: town.governance, channel: 'api' });

    const after = await readModel(id);
    expect(after.gate).toBe('owner-signoff');
    expect(after.stalled).toBe(false);
    expect(after.escalationLevel).toBe(0);
    await setPolicy(engine.db.models, 'goal-alignment', {});
  });

  it('escalates to the governance role when the responsible person has no manager', async () => {
    await setPolicy(engine.db.models, 'goal-alignment', { remindAfter: 'PT1S', escalateAfter: 'PT2S', stalledAfter: 'PT1H' });
    const id = await createInitiativeDoc(engine.db.models, town);
    await gateway.start(id, 'project');

    const governanceEmail = await town.emailOf(town.governance);
    const emails = await engine.mailbox.waitFor(governanceEmail, (e) => e.initiativeId === id && e.kind === 'escalation');

    expect(emails).toHaveLength(1);
    await setPolicy(engine.db.models, 'goal-alignment', {});
  });

  it('when no progress report arrives in implementation, the project manager is reminded', async () => {
    await setPolicy(engine.db.models, 'implementation', { reportEvery: 'PT2S', escalateAfter: 'PT1H', stalledAfter: 'PT2H' });
    const id = await createInitiativeDoc(engine.db.models, town);
    await addBenefit(engine.db.models, id, town.owner);
    await gateway.start(id, 'project');
    await gateway.decide(id, { gate: 'goal-alignment', decision: 'approve', comment: '', actorId: town.governance, channel: 'api' });
    await gateway.decide(id, { gate: 'owner-signoff', decision: 'approve', comment: '', actorId: town.owner, channel: 'api' });

    const pmEmail = await town.emailOf(town.projectManager);
    await engine.mailbox.waitFor(pmEmail, (e) => e.initiativeId === id && e.kind === 'reminder');
    expect((await readModel(id)).escalationLevel).toBe(1);

    await gateway.reportProgress(id, { percent: 40, note: 'Pilot i gang', actorId: town.projectManager, channel: 'api' });

    const after = await readModel(id);
    expect(after.escalationLevel).toBe(0);
    expect(after.progressPercent).toBe(40);
    await recordHistory(engine.client, workflowIdFor(id), 'implementation-progress-reminded');
    await setPolicy(engine.db.models, 'implementation', { reportEvery: 'PT1H' });
  });

  it('a line change has no progress cadence in implementation', async () => {
    await setPolicy(engine.db.models, 'implementation', { reportEvery: 'PT1S' });
    const id = await createInitiativeDoc(engine.db.models, town, { kind: 'line' });
    await addBenefit(engine.db.models, id, town.owner);
    await gateway.start(id, 'line');
    await gateway.decide(id, { gate: 'goal-alignment', decision: 'approve', comment: '', actorId: town.governance, channel: 'api' });
    await gateway.decide(id, { gate: 'owner-signoff', decision: 'approve', comment: '', actorId: town.owner, channel: 'api' });

    await new Promise((r) => setTimeout(r, 2_500));

    const doc = await readModel(id);
    expect(doc.gate).toBe('implementation');
    expect(doc.gateDueAt).toBeNull();
    expect(doc.escalationLevel).toBe(0);
    await setPolicy(engine.db.models, 'implementation', { reportEvery: 'PT1H' });
  });
});

async function findByVisibility(query: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let count = 0;
  while (Date.now() < deadline) {
    count = 0;
    for await (const _ of engine.client.workflow.list({ query })) count += 1;
    if (count > 0) return count;
    await new Promise((r) => setTimeout(r, 300));
  }
  return count;
}

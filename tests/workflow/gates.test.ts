// The gate engine on the real Temporal dev server, FerretDB and Mailpit: each gate's happy path,
// reject and revise, and the preconditions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflowGateway, type WorkflowGateway } from '../../api/temporal.js';
import { AppError } from '../../api/errors.js';
import { recordMeasurement } from '../../api/measurements.js';
import { addBenefit, calmPolicies, createInitiativeDoc, createMunicipality, type Municipality } from '../helpers/fixtures.js';
import { startEngine, type Engine } from '../helpers/engine.js';
import { recordHistory } from '../helpers/histories.js';
import { workflowIdFor, type WorkflowState } from '../../workflows/definitions.js';

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

async function startInitiative(overrides: Record<string, unknown> = {}) {
  const id = await createInitiativeDoc(engine.db.models, town, overrides);
  await gateway.start(id, (overrides.kind as 'project' | 'line') ?? 'project');
  return id;
}

const readModel = async (id: string) => (await engine.db.models.Initiative.findById(id).lean())!;
const decide = (id: string, gate: string, decision: 'approve' | 'reject' | 'revise', actorId: string, extra = {}) =>
  gateway.decide(id, { gate: gate as never, decision, comment: `${decision} ${gate}`, actorId, channel: 'api', ...extra });

describe('an initiative moving through the gates', () => {
  it('goes through all four gates to completed when every gate is approved', async () => {
    const id = await startInitiative();
    await addBenefit(engine.db.models, id, town.owner);

    await decide(id, 'goal-alignment', 'approve', town.governance);
    expect((await readModel(id)).gate).toBe('owner-signoff');
    await decide(id, 'owner-signoff', 'approve', town.owner);
    expect((await readModel(id)).gate).toBe('implementation');
    const done = await decide(id, 'implementation', 'approve', town.projectManager);
    expect(done.step).toBe('confirmation');
    await decide(id, 'implementation', 'approve', town.owner, { step: 'confirmation' });
    expect((await readModel(id)).gate).toBe('benefit-realisation');
    const [benefitId] = (await engine.db.models.Benefit.find({ initiativeId: id }).lean()).map((b) => String(b._id));
    await recordMeasurement({ config: engine.config, db: engine.db, workflows: gateway }, { benefitId, value: 80, measuredAt: new Date(), note: '', reportedById: town.owner, channel: 'api' });

    const state = (await engine.client.workflow.getHandle(workflowIdFor(id)).result()) as WorkflowState;
    expect(state.decisions.map((d) => `${d.gate}/${d.step}`)).toEqual([
      'goal-alignment/decision',
      'owner-signoff/decision',
      'implementation/decision',
      'implementation/confirmation',
    ]);
    expect(state.status).toBe('completed');
    const decisions = await engine.db.models.Decision.find({ initiativeId: id }).sort({ at: 1 }).lean();
    expect(decisions).toHaveLength(4);
    await recordHistory(engine.client, workflowIdFor(id), 'all-gates-approved-with-follow-up');
  });

  it('ends rejected when goal alignment is rejected, and takes no further decisions', async () => {
    const id = await startInitiative();

    const state = await decide(id, 'goal-alignment', 'reject', town.governance);

    expect(state.status).toBe('rejected');
    expect((await readModel(id)).status).toBe('rejected');
    await expect(decide(id, 'goal-alignment', 'approve', town.governance)).rejects.toMatchObject({ status: 409 });
    await recordHistory(engine.client, workflowIdFor(id), 'goal-alignment-rejected');
  });

  it('restarts the gate on revise and tells the project manager', async () => {
    const id = await startInitiative();
    const before = await gateway.state(id);

    const after = await decide(id, 'goal-alignment', 'revise', town.governance, { comment: 'Beskriv gevinstene bedre' });

    expect(after.gate).toBe('goal-alignment');
    expect(after.round).toBeGreaterThan(before.round);
    const pmEmail = await town.emailOf(town.projectManager);
    const [notice] = await engine.mailbox.waitFor(pmEmail, (e) => e.initiativeId === id && e.kind === 'notification');
    expect(notice.text).toContain('Beskriv gevinstene bedre');
    await recordHistory(engine.client, workflowIdFor(id), 'goal-alignment-revised');
  });

  it('answers 409 when the decision names a gate that is not the current one', async () => {
    const id = await startInitiative();

    const attempt = decide(id, 'owner-signoff', 'approve', town.owner);

    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ status: 409 });
    expect((await readModel(id)).gate).toBe('goal-alignment');
  });

  it('refuses owner sign-off without a benefit plan', async () => {
    const id = await startInitiative();
    await decide(id, 'goal-alignment', 'approve', town.governance);

    await expect(decide(id, 'owner-signoff', 'approve', town.owner)).rejects.toMatchObject({ status: 409, code: 'precondition-failed' });
    expect((await readModel(id)).gate).toBe('owner-signoff');
  });

  it('refuses owner sign-off (so implementation cannot start) before a change agent is assigned', async () => {
    const id = await startInitiative({ changeAgentIds: [] });
    await addBenefit(engine.db.models, id, town.owner);
    await decide(id, 'goal-alignment', 'approve', town.governance);

    await expect(decide(id, 'owner-signoff', 'approve', town.owner)).rejects.toMatchObject({ status: 409, code: 'precondition-failed', fields: { changeAgentIds: expect.any(String) } });
    expect((await gateway.state(id)).gate).toBe('owner-signoff');
  });

  it('invites enthusiasts to comment when the initiative starts', async () => {
    const id = await startInitiative();

    const email = await town.emailOf(town.enthusiast);
    const [invite] = await engine.mailbox.waitFor(email, (e) => e.initiativeId === id);

    expect(invite.kind).toBe('comment-invitation');
    expect(invite.text).toMatch(/\/actions\/[A-Za-z0-9_-]+/);
  });

  it('sends the governance role an approval request naming the initiative, the gate and the deadline', async () => {
    const id = await startInitiative();

    const email = await town.emailOf(town.governance);
    const [request] = await engine.mailbox.waitFor(email, (e) => e.initiativeId === id && e.kind === 'approval-request');

    expect(request.subject).toContain('Målforankring');
    expect(request.subject).toContain((await readModel(id)).title);
    expect(request.text).toMatch(/Frist: \d+\./);
    expect(request.text).toMatch(/\/actions\/[A-Za-z0-9_-]{40,}/);
  });
});

// Administrator actions go through the workflow with a reason and are audited: nudge, reassign,
// skip and cancel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revocationOf } from '../../store/links.js';
import { createWorkflowGateway, type WorkflowGateway } from '../../api/temporal.js';
import { addBenefit, calmPolicies, createInitiativeDoc, createMunicipality, type Municipality } from '../helpers/fixtures.js';
import { startEngine, type Engine } from '../helpers/engine.js';
import { actionLinkIn } from '../helpers/mailbox.js';

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

const admin = (action: 'nudge' | 'reassign' | 'skip' | 'cancel', reason: string, personId?: string) => ({ action, reason, personId, actorId: town.admin, channel: 'console' as const });
const readModel = async (id: string) => (await engine.db.models.Initiative.findById(id).lean())!;

async function atOwnerSignoff() {
  const id = await createInitiativeDoc(engine.db.models, town);
  await addBenefit(engine.db.models, id, town.owner);
  await gateway.start(id, 'project');
  await gateway.decide(id, { gate: 'goal-alignment', decision: 'approve', comment: '', actorId: town.governance, channel: 'api' });
  return id;
}

describe('administrator actions', () => {
  it('nudge sends the pending request again now, as a reminder with a working link', async () => {
    const id = await atOwnerSignoff();
    const ownerEmail = await town.emailOf(town.owner);

    await gateway.admin(id, admin('nudge', 'Møte i morgen'));
    await gateway.admin(id, admin('nudge', 'Siste purring'));

    const reminders = await engine.mailbox.waitFor(ownerEmail, (e) => e.initiativeId === id && e.kind === 'reminder', { count: 2 });
    expect(actionLinkIn(reminders[0])).not.toBe(actionLinkIn(reminders[1]));
    const audit = await engine.db.models.Audit.find({ initiativeId: id, action: 'admin.nudge' }).lean();
    expect(audit.map((a) => (a.details as { reason: string }).reason)).toEqual(['Møte i morgen', 'Siste purring']);
  });

  it('reassign hands the gate to another person, who gets the request, and revokes the old links', async () => {
    const id = await atOwnerSignoff();
    const ownerEmail = await town.emailOf(town.owner);
    await engine.mailbox.waitFor(ownerEmail, (e) => e.initiativeId === id && e.kind === 'approval-request');

    await gateway.admin(id, admin('reassign', 'Tor har permisjon', town.englishOwner));

    const englishEmail = await town.emailOf(town.englishOwner);
    const [request] = await engine.mailbox.waitFor(englishEmail, (e) => e.initiativeId === id && e.kind === 'approval-request');
    expect(request.subject).toMatch(/^Approval needed: Owner sign-off/);
    expect((await readModel(id)).serviceOwnerId).toBe(town.englishOwner);
    const ownersTokens = await engine.db.models.ActionToken.find({ initiativeId: id, personId: town.owner }).lean();
    expect(ownersTokens.length).toBeGreaterThan(0);
    for (const token of ownersTokens) expect(await revocationOf(engine.db.models, token)).not.toBeNull();
  });

  it('skip passes the gate with the reason recorded as the decision', async () => {
    const id = await atOwnerSignoff();

    const state = await gateway.admin(id, admin('skip', 'Godkjent i styringsgruppemøte'));

    expect(state.gate).toBe('implementation');
    const decision = await engine.db.models.Decision.findOne({ initiativeId: id, gate: 'owner-signoff' }).lean();
    expect(decision).toMatchObject({ decision: 'approve', byId: town.admin, channel: 'console' });
    expect(decision!.comment).toContain('Godkjent i styringsgruppemøte');
  });

  it('cancel ends the initiative, and no further decision is taken', async () => {
    const id = await atOwnerSignoff();

    await gateway.admin(id, admin('cancel', 'Erstattet av nasjonal løsning'));

    expect((await readModel(id)).status).toBe('cancelled');
    await expect(gateway.decide(id, { gate: 'owner-signoff', decision: 'approve', comment: '', actorId: town.owner, channel: 'api' })).rejects.toMatchObject({ status: 409 });
    expect(await engine.db.models.Audit.countDocuments({ initiativeId: id, action: 'initiative.cancelled' })).toBe(1);
  });
});

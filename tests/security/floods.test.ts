// Floods: thousands of progress reports or nudges never take a gate to Temporal's history limit —
// every gate step continues as new when its history grows long, and picks the step up again
// without entering it anew (no second request email, the ladder and counts carried over).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflowGateway, type WorkflowGateway } from '../../api/temporal.js';
import { workflowIdFor } from '../../workflows/definitions.js';
import { startEngine, type Engine } from '../helpers/engine.js';
import { addBenefit, calmPolicies, createInitiativeDoc, createMunicipality, type Municipality } from '../helpers/fixtures.js';

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

const REPORTS = 60;
const NUDGES = 15;

describe('a gate flooded with requests', () => {
  it('continues as new along the way and keeps every report and nudge, without asking anyone twice', async () => {
    const id = await createInitiativeDoc(engine.db.models, town);
    await addBenefit(engine.db.models, id, town.owner, { followUpUntil: new Date('2027-12-31') });
    const handle = await engine.client.workflow.start('initiativeWorkflow', {
      taskQueue: engine.config.temporal.taskQueue,
      workflowId: workflowIdFor(id),
      args: [{ initiativeId: id, kind: 'project', continueAsNewAfterEvents: 120 }],
    });
    const origin = { actorId: town.projectManager, channel: 'api' as const };
    await gateway.decide(id, { gate: 'goal-alignment', decision: 'approve', comment: '', actorId: town.governance, channel: 'api' });
    await gateway.decide(id, { gate: 'owner-signoff', decision: 'approve', comment: '', actorId: town.owner, channel: 'api' });

    for (let k = 1; k <= REPORTS; k++) await gateway.reportProgress(id, { percent: Math.min(100, k), note: `Rapport ${k}`, ...origin });
    for (let k = 1; k <= NUDGES; k++) await gateway.admin(id, { action: 'nudge', reason: `Purring ${k}`, actorId: town.admin, channel: 'console' });
    const done = await gateway.decide(id, { gate: 'implementation', decision: 'approve', comment: 'Ferdig', ...origin });

    const runs = await engine.client.workflow.list({ query: `WorkflowId = '${workflowIdFor(id)}'` });
    let count = 0;
    for await (const _run of runs) count += 1;
    expect(count).toBeGreaterThan(2);
    expect(handle.firstExecutionRunId).not.toBe((await handle.describe()).runId);
    expect(done).toMatchObject({ gate: 'implementation', step: 'confirmation', progressReports: REPORTS, nudges: NUDGES });
    const { models } = engine.db;
    expect(await models.Audit.countDocuments({ initiativeId: id, action: 'progress.reported' })).toBe(REPORTS);
    expect(await models.Audit.countDocuments({ initiativeId: id, action: 'admin.nudge' })).toBe(NUDGES);
    // Entered once: one audit entry and one "started" notice for the implementation gate.
    expect(await models.Audit.countDocuments({ initiativeId: id, action: 'gate.entered', 'details.gate': 'implementation' })).toBe(1);
    expect(await models.Email.countDocuments({ initiativeId: id, gate: 'implementation', kind: 'notification' })).toBe(1);
    expect(await models.Email.countDocuments({ initiativeId: id, gate: 'implementation', kind: 'reminder' })).toBe(NUDGES);
  }, 180_000);
});

// Email sending is idempotent under activity retries: an attempt that runs again after the SMTP
// send succeeded (its completion never reached Temporal) sends nothing, and a failed send is
// visible in `emails` and goes out once when SMTP answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { createSmtpMailer } from '../../activities/mailer.js';
import { createInitiativeDoc, createMunicipality, type Municipality } from '../helpers/fixtures.js';
import { startEngine, type Engine } from '../helpers/engine.js';

let engine: Engine;
let town: Municipality;

beforeAll(async () => {
  engine = await startEngine();
  town = await createMunicipality(engine.db.models);
});
afterAll(async () => {
  await engine?.stop();
});

const activitiesWith = (mailer = engine.mailer) =>
  createActivities({ models: engine.db.models, mailer, clock: () => new Date(), publicUrl: 'http://127.0.0.1:9', mailFrom: 'Endringsporten <noreply@localhost>', linkLifetimeDays: 30 });

describe('email idempotency', () => {
  it('a retried attempt after a successful send does not send again', async () => {
    const id = await createInitiativeDoc(engine.db.models, town);
    const activities = activitiesWith();
    const ref = { initiativeId: id, gate: 'goal-alignment' as const, step: 'decision' as const, round: 1, purpose: 'request' };

    await activities.sendGateEmail(ref);
    await activities.sendGateEmail(ref);
    await activities.sendGateEmail(ref);

    const governanceEmail = await town.emailOf(town.governance);
    await engine.mailbox.waitFor(governanceEmail, (e) => e.initiativeId === id);
    await new Promise((r) => setTimeout(r, 500));
    expect(await engine.mailbox.messagesTo(governanceEmail).then((all) => all.filter((e) => e.initiativeId === id))).toHaveLength(1);
    const records = await engine.db.models.Email.find({ initiativeId: id }).lean();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('records a failed send with its error, then sends once when SMTP answers', async () => {
    const id = await createInitiativeDoc(engine.db.models, town);
    const unreachable = createSmtpMailer('smtp://127.0.0.1:9');
    const ref = { initiativeId: id, gate: 'goal-alignment' as const, step: 'decision' as const, round: 1, purpose: 'request' };

    await expect(activitiesWith(unreachable).sendGateEmail(ref)).rejects.toThrow();
    const failed = await engine.db.models.Email.findOne({ initiativeId: id }).lean();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.lastError).toMatch(/ECONNREFUSED/);

    await activitiesWith().sendGateEmail(ref);

    const sent = await engine.db.models.Email.findOne({ initiativeId: id }).lean();
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    const governanceEmail = await town.emailOf(town.governance);
    expect((await engine.mailbox.waitFor(governanceEmail, (e) => e.initiativeId === id))).toHaveLength(1);
    unreachable.close();
  });
});

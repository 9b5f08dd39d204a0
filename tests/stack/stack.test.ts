// Proof that the local stack is real: Temporal, FerretDB and SMTP answer as themselves.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type Engine } from '../helpers/engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await startEngine();
});
afterAll(async () => {
  await engine?.stop();
});

describe('the local stack', () => {
  it('runs a workflow on the real Temporal dev server and returns its result', async () => {
    const result = await engine.client.workflow.execute('stackProbeWorkflow', {
      taskQueue: engine.config.temporal.taskQueue,
      workflowId: `probe-${randomUUID()}`,
      args: ['kommune'],
    });
    expect(result).toBe('hei, kommune');
  });

  it('writes and reads a document through mongoose on FerretDB and enforces a unique index', async () => {
    const { Goal } = engine.db.models;
    const code = `MÅL-${randomUUID().slice(0, 6)}`;
    await Goal.create({ code, title: 'Bedre tjenester for innbyggerne', weight: 4 });

    const stored = await Goal.findOne({ code }).lean();
    expect(stored?.title).toBe('Bedre tjenester for innbyggerne');
    await expect(Goal.create({ code, title: 'Duplikat', weight: 1 })).rejects.toMatchObject({ code: 11000 });
    expect(await Goal.countDocuments({ code })).toBe(1);
  });

  it('sends an email with nodemailer to the SMTP catcher and reads it back with its headers', async () => {
    const to = `stack-${randomUUID().slice(0, 8)}@example.test`;
    await engine.mailer.send({
      from: 'Endringsporten <noreply@localhost>',
      to,
      subject: 'Prøvemelding',
      text: 'Hei',
      html: '<p>Hei</p>',
      messageId: `<${randomUUID()}@endringsporten>`,
      headers: { 'X-Endringsporten-Kind': 'notification', 'X-Endringsporten-Initiative': 'probe' },
    });

    const [email] = await engine.mailbox.waitFor(to);
    expect(email.subject).toBe('Prøvemelding');
    expect(email.kind).toBe('notification');
    expect(email.initiativeId).toBe('probe');
  });
});

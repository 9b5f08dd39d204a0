// Live action-link tokens stay out of logs and metrics. A token in an emailed link is a
// password for one decision: whoever reads a log line or a metrics label with it could act in
// the recipient's name. The pages are driven over HTTP with real emailed links (from Mailpit)
// while everything the in-process API and worker write to the console is captured.
import { randomBytes } from 'node:crypto';
import { format } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startService, type TestService } from '../helpers/app.js';
import { addBenefit, calmPolicies, createInitiativeDoc } from '../helpers/fixtures.js';
import { captureLogs } from '../helpers/logs.js';
import { actionLinkIn } from '../helpers/mailbox.js';

let service: TestService;

beforeAll(async () => {
  service = await startService();
  await calmPolicies(service.engine.db.models);
});
afterAll(async () => {
  await service?.stop();
});

const models = () => service.engine.db.models;

/** Everything logged (pino) or written with console.log/info/warn/error while a test runs, as it would print. */
const logs = captureLogs();
let logged: string[] = logs.lines;
beforeEach(() => {
  logs.clear();
  logged = logs.lines;
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(format(...args));
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** An initiative waiting at owner sign-off, and the raw token of the link emailed to the owner. */
async function emailedLink() {
  const { town } = service;
  const id = await createInitiativeDoc(models(), town);
  await addBenefit(models(), id, town.owner);
  await service.context.workflows.start(id, 'project');
  await service.context.workflows.decide(id, { gate: 'goal-alignment', decision: 'approve', comment: '', actorId: town.governance, channel: 'api' });
  const [email] = await service.engine.mailbox.waitFor(await town.emailOf(town.owner), (e) => e.initiativeId === id && e.kind === 'approval-request');
  const path = new URL(actionLinkIn(email)).pathname;
  const token = path.split('/').pop()!;
  expect(token.length).toBeGreaterThanOrEqual(20);
  return { id, path, token };
}

const page = (path: string, init: RequestInit = {}) => fetch(`${service.baseUrl}${path}`, { redirect: 'manual', ...init }).then(async (r) => ({ status: r.status, text: await r.text() }));
const postForm = (path: string, fields: Record<string, string>) =>
  page(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

describe('action-link tokens', () => {
  it('never appear in a log line while link pages are shown, used, refused or fail', async () => {
    const used = await emailedLink();
    const broken = await emailedLink();
    // A real token whose page cannot be built: its record lost the actions it allows.
    await models().ActionToken.updateMany({ initiativeId: broken.id }, { $unset: { allowedActions: 1 } });
    const unknown = `/actions/${randomBytes(32).toString('base64url')}`;

    const statuses = [
      (await page(used.path)).status,
      (await page(used.path, { method: 'HEAD' })).status,
      (await postForm(used.path, { decision: 'skip' })).status,
      (await postForm(used.path, { decision: 'approve', comment: 'Godkjent' })).status,
      (await postForm(used.path, { decision: 'reject' })).status,
      (await page(unknown)).status,
      (await postForm(unknown, { decision: 'approve' })).status,
      (await page(broken.path)).status,
      (await postForm(broken.path, { decision: 'approve' })).status,
      (await page(`${used.path}/`)).status,
      (await page(`${used.path}?token=${used.token}`)).status,
    ];

    expect(statuses.slice(0, 9)).toEqual([200, 200, 400, 200, 410, 404, 404, 500, 500]);
    // The failing page was logged, so the check below looked at real log lines.
    expect(logged.some((line) => line.includes('action link page failed'))).toBe(true);
    const all = logged.join('\n');
    expect(all).not.toContain(used.token);
    expect(all).not.toContain(broken.token);
  });

  it('never appears in a log line when a live link arrives with broken percent-encoding', async () => {
    const { path, token } = await emailedLink();

    const mangled = await page(`${path}%E0%A4%A`);
    const post = await postForm(`${path}%`, { decision: 'approve' });

    expect(mangled.status).toBeGreaterThanOrEqual(400);
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(logged.join('\n')).not.toContain(token);
    expect(mangled.text).not.toContain(token);
  });

  it('never appear in /metrics labels', async () => {
    const { path, token } = await emailedLink();
    const unknownToken = randomBytes(32).toString('base64url');
    await page(path);
    await postForm(path, { decision: 'approve' });
    await postForm(path, { decision: 'approve' });
    await page(`/actions/${unknownToken}`);
    await page(`${path}/extra`);
    await page(`${path}%E0%A4%A`);

    const metrics = await page('/metrics');

    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('route="/actions/:token"');
    expect(metrics.text).not.toContain(token);
    expect(metrics.text).not.toContain(unknownToken);
  });
});

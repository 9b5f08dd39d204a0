// Security properties of the HTTP surface: headers everywhere, CORS closed, rate limits, and
// exactly one winner when two decisions race for one gate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionLinkIn } from '../helpers/mailbox.js';
import { startService, type TestService } from '../helpers/app.js';
import { addBenefit, calmPolicies, createInitiativeDoc } from '../helpers/fixtures.js';

let service: TestService;

beforeAll(async () => {
  service = await startService();
  await calmPolicies(service.engine.db.models);
});
afterAll(async () => {
  await service?.stop();
});

const models = () => service.engine.db.models;

async function awaitingOwner() {
  const { town } = service;
  const id = await createInitiativeDoc(models(), town);
  await addBenefit(models(), id, town.owner);
  await service.context.workflows.start(id, 'project');
  await service.context.workflows.decide(id, { gate: 'goal-alignment', decision: 'approve', comment: '', actorId: town.governance, channel: 'api' });
  const [email] = await service.engine.mailbox.waitFor(await town.emailOf(town.owner), (e) => e.initiativeId === id && e.kind === 'approval-request');
  return { id, link: new URL(actionLinkIn(email)).pathname };
}

const form = (path: string, decision: string) =>
  fetch(`${service.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `decision=${decision}` });

describe('response headers', () => {
  it('sets the security headers on API answers, errors and action-link pages', async () => {
    const { link } = await awaitingOwner();
    const responses = await Promise.all([
      fetch(`${service.baseUrl}/api/auth/me`),
      fetch(`${service.baseUrl}/api/nowhere`),
      fetch(`${service.baseUrl}${link}`),
      fetch(`${service.baseUrl}/actions/unknown-token-unknown-token`),
      fetch(`${service.baseUrl}/healthz`),
    ]);
    for (const response of responses) {
      expect(response.headers.get('x-content-type-options'), response.url).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), response.url).toContain("frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy'), response.url).toBe('no-referrer');
      expect(response.headers.get('x-powered-by'), response.url).toBeNull();
    }
  });

  it('keeps CORS closed: no cross-origin grant, even on a preflight', async () => {
    const preflight = await fetch(`${service.baseUrl}/api/initiatives`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    const get = await fetch(`${service.baseUrl}/api/initiatives`, { headers: { origin: 'https://evil.example' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('sessions', () => {
  it('end after 8 hours idle and after 7 days in all', async () => {
    const idle = await service.as(service.town.governance);
    const old = await service.as(service.town.projectManager);
    const sessions = models().Session;
    await sessions.updateMany({ personId: service.town.governance }, { $set: { lastSeenAt: new Date(Date.now() - 9 * 3_600_000) } });
    await sessions.updateMany({ personId: service.town.projectManager }, { $set: { createdAt: new Date(Date.now() - 8 * 86_400_000) } });

    expect((await idle.get('/api/auth/me')).status).toBe(401);
    expect((await old.get('/api/auth/me')).status).toBe(401);
    expect(await sessions.countDocuments({ personId: { $in: [service.town.governance, service.town.projectManager] } })).toBe(0);
  });

  it('never writes a password or a session cookie to the logs', async () => {
    const lines: string[] = [];
    const original = { log: console.log, warn: console.warn, error: console.error };
    for (const level of ['log', 'warn', 'error'] as const) console[level] = (...args: unknown[]) => lines.push(args.map(String).join(' '));
    try {
      const client = await service.as(service.town.owner);
      await client.post('/api/auth/login', { email: await service.town.emailOf(service.town.owner), password: 'feil-passord-123' });
      await client.post('/api/goals', { code: 'LOGG', title: 'x', weight: 9 });
      const cookie = client.cookies.get('ep_session')!;
      expect(lines.join('\n')).not.toContain('korrekt-hest-batteri-stift');
      expect(lines.join('\n')).not.toContain('feil-passord-123');
      expect(lines.join('\n')).not.toContain(cookie);
    } finally {
      Object.assign(console, original);
    }
  });
});

describe('racing decisions', () => {
  it('lets exactly one of an API decision and an emailed link win', async () => {
    const { id, link } = await awaitingOwner();
    const owner = await service.as(service.town.owner);

    const [api, email] = await Promise.all([
      owner.post(`/api/initiatives/${id}/decisions`, { gate: 'owner-signoff', decision: 'approve', comment: 'Fra konsollet' }),
      form(link, 'reject'),
    ]);

    expect([api.status, email.status].filter((s) => s === 200)).toHaveLength(1);
    expect([409, 410]).toContain(api.status === 200 ? email.status : api.status);
    expect(await models().Decision.countDocuments({ initiativeId: id, gate: 'owner-signoff' })).toBe(1);
  });

  it('lets exactly one of two administrators win', async () => {
    const { id } = await awaitingOwner();
    const [first, second] = await Promise.all([service.as(service.town.admin), service.as(service.town.admin)]);
    const body = { gate: 'owner-signoff', decision: 'approve', comment: '' };

    const results = await Promise.all([first.post(`/api/initiatives/${id}/decisions`, body), second.post(`/api/initiatives/${id}/decisions`, { ...body, decision: 'reject' })]);

    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await models().Decision.countDocuments({ initiativeId: id, gate: 'owner-signoff' })).toBe(1);
  });

  it('refuses a link of one person used against another gate', async () => {
    const { id, link } = await awaitingOwner();
    const owner = await service.as(service.town.owner);
    expect((await owner.post(`/api/initiatives/${id}/decisions`, { gate: 'owner-signoff', decision: 'approve', comment: '' })).status).toBe(200);

    const reused = await form(link, 'approve');

    expect(reused.status).toBe(410);
    expect((await models().Initiative.findById(id).lean())!.gate).toBe('implementation');
  });
});

// Last: the limits are per address and would refuse the other tests' requests for a minute.
describe('rate limits', () => {
  it('limits login attempts for one address and account', async () => {
    const client = service.anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await client.post('/api/auth/login', { email: 'gjett@kommune.test', password: `feil-${i}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('limits guessing of action links, and a guessed token is a 404', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await fetch(`${service.baseUrl}/actions/guess${String(i).padStart(30, 'x')}`)).status);
    expect(statuses[0]).toBe(404);
    expect(statuses).toContain(429);
  });
});

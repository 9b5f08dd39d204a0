// Structured logs on the real stack: a request's lines share its request id, activity lines name
// the workflow, the initiative and the gate, Temporal's own lines come through the same logger,
// and nothing secret reaches a line.
import { randomBytes } from 'node:crypto';
import { Runtime } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../store/keys.js';
import { runtimeLogging } from '../../worker/logging.js';
import { startService, TEST_PASSWORD, type TestService } from '../helpers/app.js';
import { eventually } from '../helpers/browser.js';
import { calmPolicies, createInitiativeDoc } from '../helpers/fixtures.js';
import { captureLogs } from '../helpers/logs.js';

// Installed before the service starts: the worker's Temporal runtime logs through it too.
const logs = captureLogs({ level: 'debug' });
Runtime.install(runtimeLogging('debug', logs.logger));

let service: TestService;

beforeAll(async () => {
  service = await startService();
  await calmPolicies(service.engine.db.models);
});
afterAll(async () => {
  await service?.stop();
});

const models = () => service.engine.db.models;
const linesWith = (field: string, value: string) => logs.records().filter((record) => record[field] === value);

describe('structured logs', () => {
  it('gives every line of a request its request id, and answers it in X-Request-Id', async () => {
    // A real token whose page fails to build: the error is logged from inside the request.
    const raw = randomBytes(32).toString('base64url');
    const initiativeId = await createInitiativeDoc(models(), service.town);
    await models().ActionToken.collection.insertOne({
      tokenHash: sha256(raw), personId: service.town.governance, initiativeId, gate: 'goal-alignment', round: 1, step: 'decision',
      purpose: 'decision', expiresAt: new Date(Date.now() + 86_400_000), key: `broken-${raw.slice(0, 8)}`,
    });
    const requestId = `req-${raw.slice(0, 10)}`;

    const response = await fetch(`${service.baseUrl}/actions/${raw}`, { headers: { 'x-request-id': requestId } });

    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const lines = await eventually('the request line', async () => {
      const found = linesWith('reqId', requestId);
      return found.some((line) => line.msg === 'request') ? found : null;
    });
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['action link page failed', 'request']));
    expect(lines.find((line) => line.msg === 'request')).toMatchObject({ level: 'error', method: 'GET', status: 500, url: '/actions/[redacted]' });
    expect(logs.lines.join('\n')).not.toContain(raw);
  });

  it('makes a request id when the caller sends none, and a different one for each request', async () => {
    const first = await fetch(`${service.baseUrl}/healthz`);
    const second = await fetch(`${service.baseUrl}/healthz`);

    expect(first.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });

  it('never logs the password of a login, the session cookie or the CSRF token', async () => {
    const client = await service.as(service.town.admin);
    await client.get('/api/auth/me');
    const session = client.cookies.get('ep_session')!;

    const all = logs.lines.join('\n');
    expect(all).toContain('"url":"/api/auth/login"');
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain(session);
    expect(all).not.toContain(client.cookies.get('ep_csrf')!);
  });

  it("routes Temporal's activity lines through the logger with the workflow id, the initiative id and the gate", async () => {
    const initiativeId = await service.startInitiative();
    const workflowId = `initiative-${initiativeId}`;

    const line = await eventually('an activity line of enterGate', async () =>
      logs.records().find((record) => record.workflowId === workflowId && record.activityType === 'enterGate' && record.msg === 'Activity completed'),
    );

    expect(line).toMatchObject({ level: 'debug', temporal: 'worker', initiativeId, gate: 'goal-alignment', workflowId });
  });

  it('follows a decision from the API request into the workflow and the email it sends', async () => {
    const initiativeId = await service.startInitiative();
    const governance = await service.as(service.town.governance);
    const requestId = `decide-${initiativeId}`;

    const decided = await governance.request('POST', `/api/initiatives/${initiativeId}/decisions`, { gate: 'goal-alignment', decision: 'revise', comment: 'Mer om målene' }, { 'x-request-id': requestId });

    expect(decided.status).toBe(200);
    expect(linesWith('reqId', requestId)).toEqual([expect.objectContaining({ msg: 'request', url: `/api/initiatives/${initiativeId}/decisions`, userId: service.town.governance })]);
    const decision = await eventually('the decision activity line', async () =>
      logs.records().find((r) => r.activityType === 'recordDecision' && r.initiativeId === initiativeId && r.msg === 'Activity completed'),
    );
    expect(decision).toMatchObject({ workflowId: `initiative-${initiativeId}`, gate: 'goal-alignment' });
    const email = await eventually('the email line', async () => logs.records().find((r) => r.msg === 'email sent' && r.initiativeId === initiativeId && r.toId === service.town.projectManager));
    expect(email).toMatchObject({ workflowId: `initiative-${initiativeId}`, kind: 'notification' });
  });
});

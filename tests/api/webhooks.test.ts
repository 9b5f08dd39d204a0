// Events out, on the real stack: administrators register webhooks, the gate engine publishes
// events where they happen, and a delivery workflow posts them, signed, to a receiver this test
// runs on loopback — retried with backoff, recorded, and never in the way of a gate.
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordMeasurement } from '../../api/measurements.js';
import { startService, type HttpClient, type TestService } from '../helpers/app.js';
import { eventually } from '../helpers/browser.js';
import { addBenefit, calmPolicies, setPolicy } from '../helpers/fixtures.js';
import { recordHistory } from '../helpers/histories.js';
import { deliveryWorkflowIdFor } from '../../domain/events.js';
import { startReceiver, type Receiver, type Received } from '../helpers/receiver.js';

let service: TestService;
let receiver: Receiver;
let admin: HttpClient;

beforeAll(async () => {
  [service, receiver] = await Promise.all([startService(), startReceiver()]);
  await calmPolicies(service.engine.db.models);
  admin = await service.as(service.town.admin);
});
// Each test hears only its own webhooks: the earlier ones are switched off (a delivery still
// retrying is then skipped).
afterEach(async () => {
  await models().Webhook.updateMany({}, { $set: { active: false } });
});
afterAll(async () => {
  await receiver?.close();
  await service?.stop();
});

const models = () => service.engine.db.models;
const SECRET = 'a-shared-secret-of-some-length';

async function register(events: string[], options: { format?: string; path?: string; secret?: string } = {}) {
  const path = options.path ?? `/${randomUUID()}`;
  const response = await admin.post('/api/webhooks', {
    name: `Saksbehandling ${path.slice(1, 9)}`,
    url: `${receiver.url}${path}`,
    format: options.format ?? 'cloudevents',
    events,
    ...(options.secret === undefined ? { secret: SECRET } : options.secret ? { secret: options.secret } : {}),
  });
  expect(response.status, response.text).toBe(201);
  return { id: response.body.id as string, path, webhook: response.body };
}

const at = (path: string) => (r: Received) => r.path === path;
const signatureOf = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const approveGoalAlignment = async (id: string) =>
  (await service.as(service.town.governance)).post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: 'Godt forankret' });
/** For the replay test (RECORD_HISTORIES=1): the delivery workflow's history once it has ended. */
async function recordDeliveryHistory(eventId: string, name: string) {
  const workflowId = deliveryWorkflowIdFor(eventId);
  await service.engine.client.workflow.getHandle(workflowId).result();
  await recordHistory(service.engine.client, workflowId, name);
}
const deliveryOf = (webhookId: string, status?: string) =>
  eventually(`a delivery to ${webhookId}${status ? ` with status ${status}` : ''}`, () =>
    models().Delivery.findOne({ webhookId, ...(status ? { status } : {}) }).lean(),
  );

describe('webhook registration', () => {
  it('keeps the secret write-only: it is never answered, in the record or in a list', async () => {
    const { id, webhook } = await register(['gate.decided']);

    const shown = await admin.get(`/api/webhooks/${id}`);
    const listed = await admin.get('/api/webhooks');

    for (const body of [webhook, shown.body, ...listed.body]) expect(JSON.stringify(body)).not.toContain(SECRET);
    expect(shown.body).toMatchObject({ format: 'cloudevents', events: ['gate.decided'], active: true });
    expect(shown.body).not.toHaveProperty('secret');
  });

  it('refuses addresses that are not http or https, carry credentials, or point at link-local metadata', async () => {
    const cases = ['ftp://example.org/hook', 'file:///etc/passwd', 'javascript:alert(1)', 'http://user:pw@127.0.0.1/hook', 'http://169.254.169.254/latest/meta-data', 'http://[fe80::1]/x', 'not a url'];
    for (const url of cases) {
      const response = await admin.post('/api/webhooks', { name: 'Feil', url, format: 'cloudevents', events: ['gate.decided'], secret: SECRET });
      expect(response.status, url).toBe(400);
      expect(response.body.error.fields.url, url).toBeTruthy();
    }
  });

  it('is for administrators only, and so are deliveries', async () => {
    const governance = await service.as(service.town.governance);

    expect((await governance.get('/api/webhooks')).status).toBe(403);
    expect((await governance.post('/api/webhooks', { name: 'x', url: `${receiver.url}/x`, format: 'teams', events: ['gate.decided'] })).status).toBe(403);
    expect((await governance.get('/api/deliveries')).status).toBe(403);
    expect((await admin.post('/api/deliveries', {})).status).toBe(405);
  });
});

describe('events delivered to webhooks', () => {
  it('posts a signed CloudEvent when a gate is decided, and records the delivery', async () => {
    const { id: webhookId, path } = await register(['gate.decided']);
    const initiativeId = await service.startInitiative();

    expect((await approveGoalAlignment(initiativeId)).status).toBe(200);

    const [request] = await receiver.waitFor(at(path));
    expect(request.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(request.headers['x-endringsporten-signature']).toBe(signatureOf(request.raw));
    expect(request.body).toMatchObject({
      specversion: '1.0',
      type: 'no.endringsporten.gate.decided',
      subject: initiativeId,
      source: service.engine.config.publicUrl,
      data: { initiativeId, gate: 'goal-alignment', decision: 'approve', comment: 'Godt forankret', actorId: service.town.governance, actorName: 'Gunn Styring' },
    });
    const delivery = await deliveryOf(webhookId, 'delivered');
    expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: 200, eventType: 'gate.decided', initiativeId });
    const listed = await admin.get(`/api/deliveries?filter=${encodeURIComponent(JSON.stringify({ webhookId }))}`);
    expect(listed.body).toEqual([expect.objectContaining({ id: String(delivery._id), status: 'delivered', attempts: 1 })]);
  });

  it('retries a failing receiver with backoff until it answers, counting the attempts and keeping the last error', async () => {
    const { id: webhookId, path } = await register(['gate.decided']);
    const initiativeId = await service.startInitiative();
    receiver.answer(path, 500, 503);

    await approveGoalAlignment(initiativeId);

    const requests = await receiver.waitFor(at(path), 3);
    const delivery = await deliveryOf(webhookId, 'delivered');
    expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: 'the receiver answered HTTP 503' });
    const gaps = [requests[1].at - requests[0].at, requests[2].at - requests[1].at];
    expect(gaps[0]).toBeGreaterThanOrEqual(1_500);
    expect(gaps[1]).toBeGreaterThan(gaps[0]);
    expect(new Set(requests.map((r) => r.body.id)).size).toBe(1);
    await recordDeliveryHistory(requests[0].body.id, 'webhook-delivery-retried');
  });

  it('never delays a gate: the decision answers and the next gate starts while the receiver keeps failing', async () => {
    const { id: webhookId, path } = await register(['gate.decided']);
    receiver.always(path, 500);
    const initiativeId = await service.startInitiative();

    const started = Date.now();
    const decided = await approveGoalAlignment(initiativeId);

    expect(decided.status).toBe(200);
    expect(decided.body.gate).toBe('owner-signoff');
    expect(Date.now() - started).toBeLessThan(10_000);
    const delivery = await deliveryOf(webhookId, 'retrying');
    expect(delivery.lastError).toBe('the receiver answered HTTP 500');
  });

  it('gives up at once on a receiver that refuses for good (HTTP 410) and records it as failed', async () => {
    const { id: webhookId, path } = await register(['gate.decided']);
    receiver.always(path, 410);
    const initiativeId = await service.startInitiative();

    await approveGoalAlignment(initiativeId);

    const delivery = await deliveryOf(webhookId, 'failed');
    expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: 410, lastError: 'the receiver answered HTTP 410' });
    expect(receiver.received.filter(at(path))).toHaveLength(1);
    await recordDeliveryHistory(receiver.received.filter(at(path))[0].body.id, 'webhook-delivery-refused');
  });

  it('sends a Teams channel a message card, and only the events it asked for', async () => {
    const { path } = await register(['gate.decided'], { format: 'teams', secret: '' });
    const initiativeId = await service.startInitiative();
    const title = (await models().Initiative.findById(initiativeId).lean())!.title;

    await approveGoalAlignment(initiativeId);

    const [request] = await receiver.waitFor(at(path));
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request.headers['x-endringsporten-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(request.body).toMatchObject({ '@type': 'MessageCard', title: `Målforankring: Godkjent – ${title}` });
    expect(request.body.potentialAction[0].targets[0].uri).toBe(`${service.engine.config.publicUrl}/#/initiatives/${initiativeId}/show`);
    expect(request.body.sections[0].facts).toEqual(expect.arrayContaining([{ name: 'Av', value: 'Gunn Styring' }]));
  });

  it('tells about a submitted initiative when one is created through the API', async () => {
    const { path } = await register(['initiative.submitted']);
    const projectManager = await service.as(service.town.projectManager);
    const { town } = service;

    const created = await projectManager.post('/api/initiatives', {
      title: `Digital byggesøknad ${town.tag}`, serviceId: town.service, projectManagerId: town.projectManager, governanceId: town.governance,
      goalLinks: [{ goalId: town.goal, contribution: 2, rationale: 'Digitalt førstevalg' }],
    });

    expect(created.status).toBe(201);
    const [request] = await receiver.waitFor(at(path));
    expect(request.body).toMatchObject({ type: 'no.endringsporten.initiative.submitted', data: { initiativeId: created.body.id, actorName: 'Per Prosjektleder' } });
  });

  it('tells when a gate stalls', async () => {
    const { path } = await register(['gate.stalled']);
    await setPolicy(models(), 'goal-alignment', { remindAfter: 'PT1S', escalateAfter: 'PT2S', stalledAfter: 'PT3S' });
    try {
      const initiativeId = await service.startInitiative();

      const [request] = await receiver.waitFor(at(path), 1, 40_000);
      expect(request.body).toMatchObject({ type: 'no.endringsporten.gate.stalled', data: { initiativeId, gate: 'goal-alignment', level: 3 } });
    } finally {
      await calmPolicies(models());
    }
  });

  it('tells when a benefit is realised and the initiative is completed', async () => {
    const { path } = await register(['benefit.realised', 'initiative.completed', 'benefit.off-track']);
    const { town } = service;
    const initiativeId = await service.startInitiative();
    const benefitId = await addBenefit(models(), initiativeId, town.owner, { measureEvery: 'PT1H', followUpUntil: new Date(Date.now() + 120_000) });
    const { workflows } = service.context;
    const decide = (gate: string, actorId: string, step: 'decision' | 'confirmation' = 'decision') =>
      workflows.decide(initiativeId, { gate: gate as never, step, decision: 'approve', comment: '', actorId, channel: 'api' });
    await decide('goal-alignment', town.governance);
    await decide('owner-signoff', town.owner);
    await decide('implementation', town.projectManager);
    await decide('implementation', town.owner, 'confirmation');

    await recordMeasurement(service.context, { benefitId, value: 85, measuredAt: new Date(), note: '', reportedById: town.owner, channel: 'api' });

    const requests = await receiver.waitFor(at(path), 2, 40_000);
    const types = requests.map((r) => r.body.type);
    expect(types).toEqual(['no.endringsporten.benefit.realised', 'no.endringsporten.initiative.completed']);
    expect(requests[0].body.data).toMatchObject({ benefitId, initiativeId, latestValue: 85, target: 80, band: 'on-track' });
    expect(requests[1].body.data).toMatchObject({ initiativeId, status: 'completed', benefitOutcome: 'realised' });
  });

  it('sends a test event to one webhook when an administrator asks, and records its delivery', async () => {
    const { id, path } = await register(['initiative.completed']);

    const answer = await admin.post(`/api/webhooks/${id}/test`);

    expect(answer.status).toBe(202);
    const [request] = await receiver.waitFor(at(path));
    expect(request.body).toMatchObject({ id: answer.body.eventId, data: { initiativeTitle: 'Test fra Endringsporten' } });
    const delivery = await eventually('the test delivery', () => models().Delivery.findOne({ _id: answer.body.deliveryId, status: 'delivered' }).lean());
    expect(delivery.test).toBe(true);
  });

  it('publishes an event once even when the activity that publishes it runs again', async () => {
    const { id: webhookId, path } = await register(['gate.decided']);
    const initiativeId = await service.startInitiative();
    await approveGoalAlignment(initiativeId);
    const [first] = await receiver.waitFor(at(path));
    const decision = (await models().Decision.findOne({ initiativeId }).lean())!;
    const activities = (await import('../../activities/index.js')).createActivities({
      models: models(), mailer: service.engine.mailer, clock: () => new Date(), publicUrl: service.engine.config.publicUrl, mailFrom: 'x <x@localhost>', linkLifetimeDays: 30,
      startDelivery: (eventId) => service.context.workflows.startEventDelivery(eventId),
    });

    await activities.recordDecision({ initiativeId, gate: 'goal-alignment', round: decision.round, step: 'decision', decision: 'approve', comment: 'Godt forankret', conditions: [], actorId: service.town.governance, channel: 'api' });
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    expect(receiver.received.filter(at(path))).toEqual([first]);
    expect(await models().Delivery.countDocuments({ webhookId })).toBe(1);
  });
});

// Emailed action links on the real stack: GET shows and changes nothing, POST acts once, used
// and expired links get 410, unknown ones 404, and of two concurrent clicks exactly one decides.
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
const localPath = (link: string) => new URL(link).pathname;

async function postForm(path: string, fields: Record<string, string>) {
  const response = await fetch(`${service.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** An initiative whose goal alignment is approved, waiting at owner sign-off; returns the owner's link. */
async function awaitingOwner() {
  const { town } = service;
  const id = await createInitiativeDoc(models(), town);
  await addBenefit(models(), id, town.owner);
  await service.context.workflows.start(id, 'project');
  await service.context.workflows.decide(id, { gate: 'goal-alignment', decision: 'approve', comment: '', actorId: town.governance, channel: 'api' });
  const [email] = await service.engine.mailbox.waitFor(await town.emailOf(town.owner), (e) => e.initiativeId === id && e.kind === 'approval-request');
  return { id, link: localPath(actionLinkIn(email)), email };
}

describe('emailed action links', () => {
  it('GET shows the request with a form and changes nothing; HEAD too', async () => {
    const { id, link, email } = await awaitingOwner();
    expect(email.text).toContain('Færre manuelle søknader');

    const page = await fetch(`${service.baseUrl}${link}`);
    const html = await page.text();
    await fetch(`${service.baseUrl}${link}`, { method: 'HEAD' });

    expect(page.status).toBe(200);
    expect(html).toContain('<form method="post">');
    expect(html).toContain('lang="nb"');
    expect(html).not.toMatch(/<script/i);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await models().Initiative.findById(id).lean())!.gate).toBe('owner-signoff');
    expect(await models().ActionToken.countDocuments({ initiativeId: id, usedAt: { $ne: null } })).toBe(0);
  });

  it('POST decides once; a second POST gets 410 saying what was decided', async () => {
    const { id, link } = await awaitingOwner();

    const first = await postForm(link, { decision: 'approve', comment: 'Godtatt' });
    const second = await postForm(link, { decision: 'reject' });

    expect(first.status).toBe(200);
    expect((await models().Initiative.findById(id).lean())!.gate).toBe('implementation');
    expect(second.status).toBe(410);
    expect(second.text).toContain('godkjent');
    const decisions = await models().Decision.find({ initiativeId: id, gate: 'owner-signoff' }).lean();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ decision: 'approve', channel: 'email', byId: service.town.owner, comment: 'Godtatt' });
  });

  it('answers 404 for an unknown or tampered token and changes nothing', async () => {
    const { id, link } = await awaitingOwner();
    const tampered = link.slice(0, -2) + (link.endsWith('AA') ? 'BB' : 'AA');

    const response = await postForm(tampered, { decision: 'approve' });

    expect(response.status).toBe(404);
    expect((await fetch(`${service.baseUrl}/actions/not-a-token`)).status).toBe(404);
    expect((await models().Initiative.findById(id).lean())!.gate).toBe('owner-signoff');
  });

  it('answers 410 for an expired link and changes nothing', async () => {
    const { id, link } = await awaitingOwner();
    await models().ActionToken.updateMany({ initiativeId: id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });

    const response = await postForm(link, { decision: 'approve' });

    expect(response.status).toBe(410);
    expect((await models().Initiative.findById(id).lean())!.gate).toBe('owner-signoff');
  });

  it('lets exactly one of two concurrent clicks decide', async () => {
    const { id, link } = await awaitingOwner();

    const results = await Promise.all([postForm(link, { decision: 'approve' }), postForm(link, { decision: 'revise' })]);

    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(await models().Decision.countDocuments({ initiativeId: id, gate: 'owner-signoff' })).toBe(1);
  });

  it('stops working once the gate is decided by another route', async () => {
    const { id, link } = await awaitingOwner();
    const admin = await service.as(service.town.admin);
    const decided = await admin.post(`/api/initiatives/${id}/decisions`, { gate: 'owner-signoff', decision: 'approve', comment: 'I møtet' });
    expect(decided.status).toBe(200);

    const response = await postForm(link, { decision: 'reject' });

    expect(response.status).toBe(410);
    expect((await models().Initiative.findById(id).lean())!.status).toBe('active');
  });

  it('refuses a choice the link does not allow, without spending the link', async () => {
    const { link } = await awaitingOwner();

    const response = await postForm(link, { decision: 'skip' });

    expect(response.status).toBe(400);
    expect((await postForm(link, { decision: 'approve' })).status).toBe(200);
  });

  it('records one measurement when a measurement link is posted twice at once', async () => {
    const { town } = service;
    const id = await createInitiativeDoc(models(), town);
    const benefitId = await addBenefit(models(), id, town.owner, { measureEvery: 'PT1S', followUpUntil: new Date(Date.now() + 120_000) });
    await service.context.workflows.start(id, 'project');
    for (const [gate, actorId, step] of [['goal-alignment', town.governance, 'decision'], ['owner-signoff', town.owner, 'decision'], ['implementation', town.projectManager, 'decision'], ['implementation', town.owner, 'confirmation']] as const) {
      await service.context.workflows.decide(id, { gate, step, decision: 'approve', comment: '', actorId, channel: 'api' });
    }
    const [request] = await service.engine.mailbox.waitFor(await town.emailOf(town.owner), (e) => e.initiativeId === id && e.kind === 'measurement-request');
    const link = localPath(actionLinkIn(request));
    const today = new Date().toISOString().slice(0, 10);

    const results = await Promise.all([postForm(link, { value: '30', measuredAt: today }), postForm(link, { value: '31', measuredAt: today })]);

    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(await models().Measurement.countDocuments({ benefitId })).toBe(1);
    await service.context.workflows.admin(id, { action: 'cancel', reason: 'test over', actorId: town.admin, channel: 'api' });
  });

  it('builds links from PUBLIC_URL, never from the Host header', async () => {
    const { email } = await awaitingOwner();

    expect(actionLinkIn(email).startsWith(`${service.engine.config.publicUrl}/actions/`)).toBe(true);
  });
});

describe('an initiative through all four gates with the service owner acting only through emailed links', () => {
  it('is completed, with every step in decisions, audit, emails and the read model', async () => {
    const { town } = service;
    const governance = await service.as(town.governance);
    const projectManager = await service.as(town.projectManager);
    const created = await projectManager.post('/api/initiatives', {
      title: `Velferdsteknologi i hjemmetjenesten ${town.tag}`,
      serviceId: town.service,
      projectManagerId: town.projectManager,
      governanceId: town.governance,
      goalLinks: [{ goalId: town.goal, contribution: 3, rationale: 'Tryggere hjemme' }],
      changeAgentIds: [town.changeAgent],
      enthusiastIds: [town.enthusiast],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ gate: 'goal-alignment', status: 'active', serviceOwnerId: town.owner, priorityScore: 12 });
    const benefit = await projectManager.post('/api/benefits', {
      initiativeId: id, title: 'Færre nattbesøk', category: 'quality', indicator: 'Nattbesøk per uke', unit: 'besøk',
      baseline: 100, baselineDate: '2026-01-01', target: 60, direction: 'decrease', measureEvery: 'PT1S',
      followUpUntil: new Date(Date.now() + 120_000).toISOString(),
    });
    expect(benefit.status).toBe(201);

    expect((await governance.post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: 'Støtter KP-2' })).body.gate).toBe('owner-signoff');
    const ownerEmail = await town.emailOf(town.owner);
    const [signoff] = await service.engine.mailbox.waitFor(ownerEmail, (e) => e.initiativeId === id && e.kind === 'approval-request');
    expect((await postForm(localPath(actionLinkIn(signoff)), { decision: 'approve' })).status).toBe(200);

    const done = await projectManager.post(`/api/initiatives/${id}/decisions`, { gate: 'implementation', decision: 'approve', comment: 'Ferdig' });
    expect(done.body).toMatchObject({ gate: 'implementation', gateStep: 'confirmation' });
    const [confirm] = await service.engine.mailbox.waitFor(ownerEmail, (e) => e.initiativeId === id && e.kind === 'confirmation-request');
    expect((await postForm(localPath(actionLinkIn(confirm)), { decision: 'approve' })).status).toBe(200);

    const [request] = await service.engine.mailbox.waitFor(ownerEmail, (e) => e.initiativeId === id && e.kind === 'measurement-request');
    const measurementLink = localPath(actionLinkIn(request));
    expect((await fetch(`${service.baseUrl}${measurementLink}`).then((r) => r.text()))).toContain('name="value"');
    expect((await postForm(measurementLink, { value: '55', measuredAt: new Date().toISOString().slice(0, 10), note: 'Fra turnus' })).status).toBe(200);
    expect((await postForm(measurementLink, { value: '50', measuredAt: new Date().toISOString().slice(0, 10) })).status).toBe(410);

    const final = await service.engine.client.workflow.getHandle(`initiative-${id}`).result();
    expect(final).toMatchObject({ status: 'completed', benefitOutcome: 'realised' });
    const initiative = (await governance.get(`/api/initiatives/${id}`)).body;
    expect(initiative).toMatchObject({ status: 'completed', benefitOutcome: 'realised', stalled: false });
    const decisions = (await governance.get(`/api/decisions?filter=${encodeURIComponent(JSON.stringify({ initiativeId: id }))}&sort=${encodeURIComponent('["at","ASC"]')}`)).body;
    expect(decisions.map((d: { gate: string; channel: string }) => `${d.gate}:${d.channel}`)).toEqual([
      'goal-alignment:api', 'owner-signoff:email', 'implementation:api', 'implementation:email',
    ]);
    const emails = await models().Email.find({ initiativeId: id }).lean();
    expect(emails.every((e) => e.status === 'sent')).toBe(true);
    const measurement = await models().Measurement.findOne({ initiativeId: id }).lean();
    expect(measurement).toMatchObject({ value: 55, channel: 'email', reportedById: town.owner });
    const audit = await models().Audit.find({ initiativeId: id }).lean();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['initiative.created', 'gate.entered', 'decision.approve', 'initiative.completed']));
  });
});

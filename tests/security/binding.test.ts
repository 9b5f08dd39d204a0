// Binding: a gate is decided only by the person the initiative names for it (or an
// administrator); who a started gate waits for changes only through an audited reassign; an
// accepted benefit plan stands; an emailed link acts only in the round and for the person it was
// issued for, is never un-revoked, and is given back only when the workflow says nothing happened.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueActionToken } from '../../activities/tokens.js';
import { sha256 } from '../../store/keys.js';
import { startService, type TestService } from '../helpers/app.js';
import { addBenefit, calmPolicies, createInitiativeDoc } from '../helpers/fixtures.js';
import { linkPath, openLink, postForm } from '../helpers/links.js';

let service: TestService;

beforeAll(async () => {
  service = await startService();
  await calmPolicies(service.engine.db.models);
});
afterAll(async () => {
  await service?.stop();
});

const models = () => service.engine.db.models;
const readModel = async (id: string) => (await models().Initiative.findById(id).lean())!;

/** An initiative waiting at owner sign-off, with a benefit plan unless told otherwise. */
async function atOwnerSignoff({ withBenefit = true } = {}) {
  const { town } = service;
  const id = await createInitiativeDoc(models(), town);
  if (withBenefit) await addBenefit(models(), id, town.owner, { followUpUntil: new Date('2027-12-31') });
  await service.context.workflows.start(id, 'project');
  await service.context.workflows.decide(id, { gate: 'goal-alignment', decision: 'approve', comment: '', actorId: town.governance, channel: 'api' });
  const [email] = await service.engine.mailbox.waitFor(await town.emailOf(town.owner), (e) => e.initiativeId === id && e.kind === 'approval-request');
  return { id, link: linkPath(email) };
}

describe('who decides a gate', () => {
  it('lets only the governance person the initiative names decide its goal alignment', async () => {
    const { town } = service;
    const otherGovernance = await models().Person.create({ name: 'Gro Annen Styring', email: `gro.${randomUUID().slice(0, 8)}@kommune.test`, roles: ['governance'] });
    await models().Person.updateOne({ _id: otherGovernance._id }, { $set: { passwordHash: (await models().Person.findById(town.governance).lean())!.passwordHash } });
    const id = await service.startInitiative();

    const stranger = await service.as(String(otherGovernance._id));
    const refused = await stranger.post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: 'Ikke mitt' });
    const named = await (await service.as(town.governance)).post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: 'Mitt ansvar' });

    expect(refused.status).toBe(403);
    expect(named.status).toBe(200);
    expect(named.body.gate).toBe('owner-signoff');
  });
});

describe('changing who a started gate waits for', () => {
  it('refuses a project manager replacing the service owner of the open sign-off, and keeps the owner', async () => {
    const { town } = service;
    const { id } = await atOwnerSignoff();
    const pm = await service.as(town.projectManager);

    const answer = await pm.put(`/api/initiatives/${id}`, { serviceOwnerId: town.englishOwner });

    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('locked');
    expect(answer.body.error.message).toMatch(/reassign/);
    expect((await readModel(id)).serviceOwnerId).toBe(town.owner);
  });

  it('refuses to hand a gate to someone who cannot do what it asks: the wrong role, or deactivated', async () => {
    const { town } = service;
    const { id } = await atOwnerSignoff();
    const admin = await service.as(town.admin);
    const retired = await models().Person.create({ name: 'Pål Pensjonist', email: `pal.${randomUUID().slice(0, 8)}@kommune.test`, roles: ['service-owner'], active: false });

    const wrongRole = await admin.post(`/api/initiatives/${id}/admin`, { action: 'reassign', reason: 'Prøver', personId: town.enthusiast });
    const inactive = await admin.post(`/api/initiatives/${id}/admin`, { action: 'reassign', reason: 'Prøver', personId: String(retired._id) });
    const named = await admin.put(`/api/initiatives/${id}`, { enthusiastIds: [String(retired._id)] });

    expect(wrongRole.status).toBe(400);
    expect(inactive.status).toBe(400);
    expect(named.status).toBe(400);
    expect((await readModel(id)).serviceOwnerId).toBe(town.owner);
  });

  it('hands the gate over through reassign: audited with its reason, old links revoked, new person asked', async () => {
    const { town } = service;
    const { id, link } = await atOwnerSignoff();
    const admin = await service.as(town.admin);

    const answer = await admin.post(`/api/initiatives/${id}/admin`, { action: 'reassign', reason: 'Tor er i foreldrepermisjon', personId: town.englishOwner });

    expect(answer.status).toBe(200);
    expect(answer.body.serviceOwnerId).toBe(town.englishOwner);
    const [entry] = await models().Audit.find({ initiativeId: id, action: 'admin.reassign' }).lean();
    expect(entry).toMatchObject({ actorId: town.admin, details: { reason: 'Tor er i foreldrepermisjon', personId: town.englishOwner } });
    expect((await openLink(service.baseUrl, link)).status).toBe(410);
    const [request] = await service.engine.mailbox.waitFor(await town.emailOf(town.englishOwner), (e) => e.initiativeId === id && e.kind === 'approval-request');
    expect((await openLink(service.baseUrl, linkPath(request))).status).toBe(200);
  });
});

describe('the benefit plan the service owner accepted', () => {
  it('keeps the accepted target after owner sign-off: a new one waits for the service owner as a plan change', async () => {
    const { town } = service;
    const { id } = await atOwnerSignoff();
    await service.context.workflows.decide(id, { gate: 'owner-signoff', decision: 'approve', comment: 'Godtatt', actorId: town.owner, channel: 'api' });
    const [benefit] = await models().Benefit.find({ initiativeId: id }).lean();
    const pm = await service.as(town.projectManager);

    const target = await pm.put(`/api/benefits/${benefit._id}`, { target: 95, reason: 'Flere søker digitalt enn ventet' });
    const title = await pm.put(`/api/benefits/${benefit._id}`, { title: 'Flere digitale søknader' });

    expect(target.status).toBe(202);
    expect(target.body).toMatchObject({ status: 'pending', changes: { target: 95 }, benefitId: String(benefit._id) });
    expect(title.status).toBe(200);
    expect(await models().Benefit.findById(benefit._id).lean()).toMatchObject({ target: benefit.target, title: 'Flere digitale søknader', acceptedVersion: 1 });
  });
});

describe('emailed links', () => {
  it('refuses a link issued for an earlier round, even one that was never revoked, and nothing changes', async () => {
    const { town } = service;
    const { id } = await atOwnerSignoff();
    const round = (await service.context.workflows.state(id)).round;
    // A late email of an earlier round: its token was issued after the others were revoked.
    const raw = `stale-${randomUUID()}-${randomUUID()}`.replace(/[^A-Za-z0-9_-]/g, '');
    await models().ActionToken.create({
      tokenHash: sha256(raw), personId: town.owner, initiativeId: id, gate: 'owner-signoff', step: 'decision', round: round - 1,
      purpose: 'decision', allowedActions: ['approve', 'reject', 'revise'], expiresAt: new Date(Date.now() + 86_400_000), key: `stale:${id}`,
    });

    const answer = await postForm(service.baseUrl, `/actions/${raw}`, { decision: 'approve' });

    expect(answer.status).toBe(410);
    expect((await readModel(id)).gate).toBe('owner-signoff');
    expect(await models().Decision.countDocuments({ initiativeId: id, gate: 'owner-signoff' })).toBe(0);
    expect((await openLink(service.baseUrl, `/actions/${raw}`)).status).toBe(410);
  });

  it('never un-revokes a revoked link when its email is retried', async () => {
    const { town } = service;
    const id = await createInitiativeDoc(models(), town);
    const grant = {
      initiativeId: id, gate: 'owner-signoff' as const, step: 'decision' as const, round: 2, key: `retry:${id}`, personId: town.owner,
      purpose: 'decision' as const, allowedActions: ['approve'], expiresAt: new Date(Date.now() + 86_400_000),
    };
    await issueActionToken(models(), grant);
    await models().ActionToken.updateOne({ key: grant.key }, { $set: { revokedAt: new Date(), revokedReason: 'decided in the console' } });

    const again = await issueActionToken(models(), grant);

    expect((await openLink(service.baseUrl, `/actions/${again}`)).status).toBe(410);
    expect((await models().ActionToken.findOne({ key: grant.key }).lean())!.revokedAt).not.toBeNull();
  });

  it('says what is missing when approval cannot happen yet, and the link keeps working until it can', async () => {
    const { town } = service;
    const { id, link } = await atOwnerSignoff();
    await models().Checklist.updateOne({ _id: 'owner-signoff' }, { $set: { items: [{ key: 'line-capacity-agreed', text: 'Kapasitet i linjen er avklart', mandatory: true }] } });
    try {
      const refused = await postForm(service.baseUrl, link, { decision: 'approve' });

      expect(refused.status).toBe(409);
      expect(refused.text).toContain('Kapasitet i linjen er avklart');
      expect(refused.text).not.toMatch(/already|allerede/i);
      expect((await openLink(service.baseUrl, link)).status).toBe(200);
      await (await service.as(town.projectManager)).post(`/api/initiatives/${id}/checklist`, { gate: 'owner-signoff', key: 'line-capacity-agreed', status: 'done' });
      const approved = await postForm(service.baseUrl, link, { decision: 'approve' });
      expect(approved.status).toBe(200);
      expect((await readModel(id)).gate).toBe('implementation');
    } finally {
      await models().Checklist.updateOne({ _id: 'owner-signoff' }, { $set: { items: [] } });
    }
  });

  it('counts a decision sent twice under one update id once', async () => {
    const { town } = service;
    const { id } = await atOwnerSignoff();
    const request = { gate: 'owner-signoff' as const, decision: 'approve' as const, comment: 'Ja', actorId: town.owner, channel: 'email' as const };

    const first = await service.context.workflows.decide(id, request, { updateId: `retry-${id}` });
    const second = await service.context.workflows.decide(id, request, { updateId: `retry-${id}` });

    expect(second.round).toBe(first.round);
    expect(await models().Decision.countDocuments({ initiativeId: id, gate: 'owner-signoff' })).toBe(1);
  });

  it('stops a measurement link once its initiative has ended', async () => {
    const { town } = service;
    const id = await createInitiativeDoc(models(), town);
    const benefitId = await addBenefit(models(), id, town.owner, { followUpUntil: new Date('2027-12-31') });
    await service.context.workflows.start(id, 'project');
    const raw = await issueActionToken(models(), {
      initiativeId: id, gate: 'benefit-realisation', step: 'decision', round: 9, key: `measure:${id}`, personId: town.owner,
      purpose: 'measurement', benefitId, allowedActions: ['report'], expiresAt: new Date(Date.now() + 86_400_000),
    });
    await service.context.workflows.admin(id, { action: 'cancel', reason: 'Lagt ned', actorId: town.admin, channel: 'console' });

    const page = await openLink(service.baseUrl, `/actions/${raw}`);
    const posted = await postForm(service.baseUrl, `/actions/${raw}`, { value: '42' });

    expect(page.status).toBe(410);
    expect(posted.status).toBe(410);
    expect(await models().Measurement.countDocuments({ benefitId })).toBe(0);
  });
});

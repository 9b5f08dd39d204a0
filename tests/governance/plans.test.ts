// The benefit plan as a baseline (issue 12.6 and 12.8): the service owner's sign-off makes the plan
// version 1; afterwards a change to a target, a date or the cadence, or removing a benefit, waits
// for the service owner as a plan change, and the benefit changes only when they accept it, as a
// new version beside the old one. Measurements are never deleted. Owner sign-off without a plan
// asks the project manager for one instead of the owner; measurement links take value and note.
import { describe, expect, it } from 'vitest';
import type { TestService } from '../helpers/app.js';
import { setPolicy } from '../helpers/fixtures.js';
import { governanceSuite, type Cast, type GovernanceKit } from '../helpers/governance.js';
import { openLink, postForm } from '../helpers/links.js';

let service: TestService;
let kit: GovernanceKit;
governanceSuite((suite) => ({ service, kit } = suite));

const benefitOf = async (initiativeId: string) => (await kit.models().Benefit.findOne({ initiativeId }).lean())!;

/** An initiative whose service owner has accepted its benefit plan (it stands at implementation). */
async function signedOff(c: Cast) {
  const id = await kit.start(c);
  await kit.driveTo(c, id, 'implementation');
  const benefit = await benefitOf(id);
  return { id, benefitId: String(benefit._id), benefit };
}

describe('the accepted benefit plan', () => {
  it('is version 1 of each benefit from the service owner\'s sign-off, with what was accepted', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    await kit.driveTo(c, id, 'owner-signoff');
    const before = await benefitOf(id);

    await kit.decide(id, 'owner-signoff', 'approve', c.owner);

    const benefit = (await (await kit.as(c.projectManager)).get(`/api/benefits/${before._id}`)).body;
    expect(before.acceptedAt ?? null).toBeNull();
    expect(benefit).toMatchObject({ version: 1, acceptedVersion: 1 });
    expect(Date.parse(benefit.acceptedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(benefit.versions).toEqual([expect.objectContaining({ version: 1, baseline: 10, target: 80, direction: 'increase', measureEvery: 'P30D' })]);
  });

  it('keeps a new target waiting for the service owner: 202 with a pending plan change, the benefit unchanged, the owner asked', async () => {
    const c = await kit.cast();
    const { id, benefitId } = await signedOff(c);

    const answer = await (await kit.as(c.projectManager)).put(`/api/benefits/${benefitId}`, { target: 95, reason: 'Flere søker digitalt enn ventet' });

    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ benefitId, initiativeId: id, status: 'pending', changes: { target: 95 }, reason: 'Flere søker digitalt enn ventet' });
    expect(await benefitOf(id)).toMatchObject({ target: 80, version: 1, acceptedVersion: 1 });
    const [request] = await kit.mail(c.owner, id, 'plan-change-request');
    expect(request.text).toContain('80 → 95');
    expect(request.text).toContain('Flere søker digitalt enn ventet');
    const [entry] = await kit.audit(id, 'plan-change.requested');
    expect(entry).toMatchObject({ actorId: c.projectManager, details: { planChangeId: answer.body.id, changes: { target: 95 } } });
  });

  it('treats new dates or a new cadence as plan changes too', async () => {
    const c = await kit.cast();
    const { id, benefitId } = await signedOff(c);

    const answer = await (await kit.as(c.projectManager)).put(`/api/benefits/${benefitId}`, { followUpUntil: '2028-06-30', measureEvery: 'P90D' });

    expect(answer.status).toBe(202);
    expect(Object.keys(answer.body.changes).sort()).toEqual(['followUpUntil', 'measureEvery']);
    expect(await benefitOf(id)).toMatchObject({ measureEvery: 'P30D', followUpUntil: new Date('2027-12-31') });
  });

  it('becomes version 2 when the service owner accepts through the link, keeping version 1', async () => {
    const c = await kit.cast();
    const { id, benefitId } = await signedOff(c);
    const change = (await (await kit.as(c.projectManager)).put(`/api/benefits/${benefitId}`, { target: 95, reason: 'Høyere ambisjon' })).body;
    const link = await kit.link(c.owner, id, 'plan-change-request');

    const page = await openLink(service.baseUrl, link);
    const accepted = await postForm(service.baseUrl, link, { decision: 'approve', comment: 'Enig' });

    expect(page.status).toBe(200);
    expect(page.text).toContain('Endring i gevinstplanen');
    expect(page.text).toMatch(/<td>target<\/td><td>80<\/td><td>95<\/td>/);
    expect(accepted.status).toBe(200);
    const benefit = await benefitOf(id);
    expect(benefit).toMatchObject({ target: 95, version: 2, acceptedVersion: 2 });
    expect((benefit.versions as { version: number; target: number }[]).map((v) => [v.version, v.target])).toEqual([[1, 80], [2, 95]]);
    expect(await kit.models().PlanChange.findById(change.id).lean()).toMatchObject({ status: 'accepted', decidedById: c.owner, channel: 'email', comment: 'Enig' });
    expect(await kit.audit(id, 'plan-change.accepted')).toHaveLength(1);
    await kit.record(id, 'governance-plan-change-accepted');
    expect((await openLink(service.baseUrl, link)).status).toBe(410);
  });

  it('stays as accepted when the service owner rejects the change in the console, and the emailed link closes', async () => {
    const c = await kit.cast();
    const { id, benefitId } = await signedOff(c);
    const change = (await (await kit.as(c.projectManager)).put(`/api/benefits/${benefitId}`, { target: 60 })).body;
    const link = await kit.link(c.owner, id, 'plan-change-request');

    const byPm = await (await kit.as(c.projectManager)).post(`/api/plan-changes/${change.id}/decide`, { decision: 'approve' });
    const rejected = await (await kit.as(c.owner)).post(`/api/plan-changes/${change.id}/decide`, { decision: 'reject', comment: 'Målet står' });
    const again = await (await kit.as(c.owner)).post(`/api/plan-changes/${change.id}/decide`, { decision: 'approve' });

    expect(byPm.status).toBe(403);
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decidedById: c.owner, comment: 'Målet står' });
    expect(again.status).toBe(409);
    expect(await benefitOf(id)).toMatchObject({ target: 80, version: 1, acceptedVersion: 1 });
    expect((await postForm(service.baseUrl, link, { decision: 'approve' })).status).toBe(410);
    expect(await kit.audit(id, 'plan-change.rejected')).toHaveLength(1);
  });

  it('takes a plan change proposed directly in the console, accepted there by the service owner', async () => {
    const c = await kit.cast();
    const { id, benefitId } = await signedOff(c);

    const proposed = await (await kit.as(c.projectManager)).post('/api/plan-changes', { benefitId, changes: { target: 90 }, reason: 'Ny nasjonal norm' });
    const accepted = await (await kit.as(c.owner)).post(`/api/plan-changes/${proposed.body.id}/decide`, { decision: 'approve' });

    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'pending', changes: { target: 90 } });
    expect(accepted.status).toBe(200);
    expect(await benefitOf(id)).toMatchObject({ target: 90, version: 2, acceptedVersion: 2 });
    await kit.mail(c.owner, id, 'plan-change-request');
  });

  it('removes a benefit only when the service owner accepts through the emailed link, and keeps its measurements', async () => {
    const c = await kit.cast();
    const { id, benefitId } = await signedOff(c);
    const measured = await (await kit.as(c.owner)).post('/api/measurements', { benefitId, value: 20, measuredAt: new Date().toISOString(), note: 'Før oppstart' });

    const removal = await (await kit.as(c.projectManager)).del(`/api/benefits/${benefitId}`);

    expect(measured.status).toBe(201);
    expect(removal.status).toBe(202);
    expect(removal.body).toMatchObject({ benefitId, operation: 'delete', status: 'pending' });
    expect((await benefitOf(id)).withdrawn).toBe(false);
    const link = await kit.link(c.owner, id, 'plan-change-request');
    expect((await openLink(service.baseUrl, link)).text).toContain('Gevinsten tas ut av planen');
    const accepted = await postForm(service.baseUrl, link, { decision: 'approve', comment: 'Gevinsten måles i et annet tiltak' });
    expect(accepted.status).toBe(200);
    expect((await kit.models().Benefit.findById(benefitId).lean())!.withdrawn).toBe(true);
    expect(await kit.models().Measurement.countDocuments({ benefitId })).toBe(1);
  });

  it('refuses to delete a benefit with measurements before sign-off, keeping them', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    const benefitId = String((await benefitOf(id))._id);
    await (await kit.as(c.projectManager)).post('/api/measurements', { benefitId, value: 12, measuredAt: new Date().toISOString() });

    const removal = await (await kit.as(c.projectManager)).del(`/api/benefits/${benefitId}`);

    expect(removal.status).toBe(409);
    expect(await kit.models().Benefit.countDocuments({ _id: benefitId })).toBe(1);
    expect(await kit.models().Measurement.countDocuments({ benefitId })).toBe(1);
  });
});

describe('owner sign-off without a benefit plan', () => {
  it('asks the project manager for the plan and leaves the service owner alone, then asks the owner once there is a benefit', async () => {
    const c = await kit.cast();
    const id = await kit.start(c, {}, { benefit: false });
    await setPolicy(kit.models(), 'owner-signoff', { remindAfter: 'PT1S' });
    try {
      await kit.driveTo(c, id, 'owner-signoff');

      const [missing] = await kit.mail(c.projectManager, id, 'notification', { where: (e) => e.subject.startsWith('Gevinstplan mangler') });
      expect(missing.text).toContain('Legg inn minst én gevinst');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await kit.models().Email.countDocuments({ initiativeId: id, toId: c.owner })).toBe(0);
      expect((await kit.readModel(id)).escalationLevel).toBe(0);

      const created = await (await kit.as(c.projectManager)).post('/api/benefits', kit.benefitBody(id, { title: 'Kortere saksbehandlingstid' }));

      expect(created.status).toBe(201);
      const [request] = await kit.mail(c.owner, id, 'approval-request');
      expect(request.text).toContain('Kortere saksbehandlingstid');
    } finally {
      await setPolicy(kit.models(), 'owner-signoff', {});
    }
  });
});

describe('a measurement link', () => {
  it('takes a value and a note without a date, as measured today', async () => {
    const c = await kit.cast();
    const id = await kit.start(c, {}, { benefit: { measureEvery: 'PT1S' } });
    await kit.driveTo(c, id, 'benefit-realisation');
    const link = await kit.link(c.owner, id, 'measurement-request');

    const answer = await postForm(service.baseUrl, link, { value: '55', note: 'Tall fra fagsystemet' });

    expect(answer.status).toBe(200);
    const measurement = (await kit.models().Measurement.findOne({ initiativeId: id }).lean())!;
    expect(measurement).toMatchObject({ value: 55, note: 'Tall fra fagsystemet', channel: 'email', reportedById: c.owner });
    expect(Math.abs(measurement.measuredAt.getTime() - Date.now())).toBeLessThan(60_000);
    await service.context.workflows.admin(id, { action: 'cancel', reason: 'Testen er ferdig', actorId: c.admin, channel: 'api' });
  });
});

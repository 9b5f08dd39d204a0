// Decisions with conditions and on hold (issue 12.5): an approval's conditions are tracked with
// owners and due dates, their owners are reminded, and the next gate is not approved until each is
// met (by its owner) or waived (by a decider of its gate); a hold parks the gate without reminders
// until its date, when the decider is asked again.
import { describe, expect, it } from 'vitest';
import type { TestService } from '../helpers/app.js';
import { setPolicy } from '../helpers/fixtures.js';
import { governanceSuite, recordsOf, secondsFromNow, type GovernanceKit } from '../helpers/governance.js';
import { openLink, postForm } from '../helpers/links.js';

let service: TestService;
let kit: GovernanceKit;
governanceSuite((suite) => ({ service, kit } = suite));

const conditionsOf = (initiativeId: string, as: string) => recordsOf(kit, 'conditions', initiativeId, as);

describe('an approval with conditions', () => {
  it('records each condition as open, owned by the project manager unless the decider names an owner and a date', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    const dueAt = '2027-03-01T12:00:00.000Z';

    const approved = await (await kit.as(c.governance)).post(`/api/initiatives/${id}/decisions`, {
      gate: 'goal-alignment',
      decision: 'approve',
      comment: 'Ja, med vilkår',
      conditions: ['Avklar driftsansvar med IT', { text: 'Legg fram ROS-analyse', ownerId: c.owner, dueAt }],
    });

    expect(approved.status).toBe(200);
    expect(approved.body.gate).toBe('owner-signoff');
    const conditions = await conditionsOf(id, c.projectManager);
    expect(conditions).toHaveLength(2);
    const [first, second] = [conditions.find((x) => x.text === 'Avklar driftsansvar med IT'), conditions.find((x) => x.text === 'Legg fram ROS-analyse')];
    expect(first).toMatchObject({ initiativeId: id, gate: 'goal-alignment', ownerId: c.projectManager, status: 'open' });
    expect(new Date(first.dueAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(second).toMatchObject({ gate: 'goal-alignment', ownerId: c.owner, status: 'open', dueAt });
    const decision = await kit.models().Decision.findOne({ initiativeId: id, gate: 'goal-alignment' }).lean();
    expect(decision).toMatchObject({ decision: 'approve', conditions: ['Avklar driftsansvar med IT', 'Legg fram ROS-analyse'] });
  });

  it('reminds a condition\'s owner when it falls due', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);

    await kit.decide(id, 'goal-alignment', 'approve', c.governance, { conditions: [{ text: 'Avtal opplæring med enhetslederne', ownerId: c.changeAgent, dueAt: secondsFromNow(2) }] });

    const [reminder] = await kit.mail(c.changeAgent, id, 'condition-reminder');
    expect(reminder.text).toContain('Avtal opplæring med enhetslederne');
    expect(await kit.mailNow(c.projectManager, id, 'condition-reminder')).toEqual([]);
  });

  it('refuses the next gate\'s approval while a condition is open, and lets it pass once the owner has met it', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    await kit.decide(id, 'goal-alignment', 'approve', c.governance, { conditions: ['Avklar driftsansvar med IT'] });
    const [condition] = await conditionsOf(id, c.projectManager);
    const owner = await kit.as(c.owner);

    const refused = await owner.post(`/api/initiatives/${id}/decisions`, { gate: 'owner-signoff', decision: 'approve', comment: '' });
    const met = await (await kit.as(c.projectManager)).post(`/api/conditions/${condition.id}/close`, { status: 'met', note: 'IT drifter løsningen' });
    const approved = await owner.post(`/api/initiatives/${id}/decisions`, { gate: 'owner-signoff', decision: 'approve', comment: '' });

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('open-conditions');
    expect(refused.body.error.fields).toHaveProperty([`conditions.${condition.id}`]);
    expect(met.status).toBe(200);
    expect(met.body).toMatchObject({ status: 'met', note: 'IT drifter løsningen', closedById: c.projectManager });
    expect(met.body.closedAt).toBeTruthy();
    expect(approved.status).toBe(200);
    expect(approved.body.gate).toBe('implementation');
    await kit.record(id, 'governance-condition-met-then-approved');
    const [entry] = await kit.audit(id, 'condition.met');
    expect(entry).toMatchObject({ actorId: c.projectManager, details: { conditionId: condition.id, note: 'IT drifter løsningen' } });
  });

  it('lets only the owner mark a condition met and only a decider of its gate waive it; administrators do both', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    await kit.decide(id, 'goal-alignment', 'approve', c.governance, { conditions: ['Første vilkår', 'Andre vilkår'] });
    const [first, second] = await conditionsOf(id, c.projectManager);
    const close = async (who: string, conditionId: string, status: string, note = 'Begrunnelse') => (await kit.as(who)).post(`/api/conditions/${conditionId}/close`, { status, note });

    const strangerMet = await close(c.enthusiast, first.id, 'met');
    const deciderMet = await close(c.governance, first.id, 'met');
    const ownerWaived = await close(c.projectManager, first.id, 'waived');
    const withoutNote = await close(c.governance, first.id, 'waived', ' ');
    const deciderWaived = await close(c.governance, first.id, 'waived', 'Ikke nødvendig likevel');
    const adminMet = await close(c.admin, second.id, 'met', 'Sjekket av administrator');
    const again = await close(c.admin, second.id, 'waived');

    expect([strangerMet.status, deciderMet.status, ownerWaived.status]).toEqual([403, 403, 403]);
    expect(withoutNote.status).toBe(400);
    expect(deciderWaived.status).toBe(200);
    expect(deciderWaived.body).toMatchObject({ status: 'waived', closedById: c.governance });
    expect(adminMet.status).toBe(200);
    expect(adminMet.body).toMatchObject({ status: 'met', closedById: c.admin });
    expect(again.status).toBe(409);
    expect((await kit.audit(id, 'condition.waived')).map((a) => a.actorId)).toEqual([c.governance]);
  });

  it('tells the service owner on the link page that conditions are open, and the link works once they are closed', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    await kit.decide(id, 'goal-alignment', 'approve', c.governance, { conditions: ['Legg fram ROS-analyse'] });
    const link = await kit.link(c.owner, id, 'approval-request');
    const [condition] = await conditionsOf(id, c.projectManager);

    const page = await openLink(service.baseUrl, link);
    const refused = await postForm(service.baseUrl, link, { decision: 'approve' });
    await (await kit.as(c.projectManager)).post(`/api/conditions/${condition.id}/close`, { status: 'met', note: 'Lagt fram' });
    const approved = await postForm(service.baseUrl, link, { decision: 'approve' });

    expect(page.text).toContain('Legg fram ROS-analyse');
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('Vilkår fra et tidligere vedtak er ikke oppfylt eller frafalt ennå.');
    expect(approved.status).toBe(200);
    expect((await kit.readModel(id)).gate).toBe('implementation');
  });

  it('takes conditions from the service owner\'s link page, one per line, with the approval', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    await kit.driveTo(c, id, 'owner-signoff');
    const link = await kit.link(c.owner, id, 'approval-request');

    const page = await openLink(service.baseUrl, link);
    const approved = await postForm(service.baseUrl, link, { decision: 'approve', comment: 'Godtar med vilkår', conditions: 'Opplæring før drift\r\n\r\n  Rutiner oppdatert  \n' });

    expect(page.text).toContain('name="conditions"');
    expect(approved.status).toBe(200);
    const conditions = await conditionsOf(id, c.owner);
    expect(conditions.map((x) => x.text).sort()).toEqual(['Opplæring før drift', 'Rutiner oppdatert']);
    expect(conditions.every((x) => x.gate === 'owner-signoff' && x.ownerId === c.projectManager && x.status === 'open')).toBe(true);
    expect(await kit.models().Decision.findOne({ initiativeId: id, gate: 'owner-signoff' }).lean()).toMatchObject({ channel: 'email', byId: c.owner, decision: 'approve' });
  });
});

describe('a gate on hold', () => {
  it('waits without reminders until its date, then asks the decider again', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    await setPolicy(kit.models(), 'goal-alignment', { remindAfter: 'PT1S' });
    try {
      const until = secondsFromNow(5);

      const held = await (await kit.as(c.governance)).post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'hold', comment: 'Venter på budsjettet', until });

      expect(held.status).toBe(200);
      expect(held.body).toMatchObject({ gate: 'goal-alignment', gateStep: 'hold', holdUntil: until, escalationLevel: 0 });
      expect(await kit.models().Decision.findOne({ initiativeId: id, decision: 'hold' }).lean()).toMatchObject({ byId: c.governance });
      await kit.mail(c.governance, id, 'approval-request', { count: 2 });
      const secondRequest = (await kit.models().Email.find({ initiativeId: id, kind: 'approval-request' }).sort({ createdAt: 1 }).lean())[1];
      expect(secondRequest.createdAt!.getTime()).toBeGreaterThanOrEqual(Date.parse(until) - 500);
      const reminders = await kit.models().Email.find({ initiativeId: id, kind: 'reminder' }).lean();
      expect(reminders.filter((r) => r.createdAt! < secondRequest.createdAt!)).toEqual([]);
      expect(await kit.readModel(id)).toMatchObject({ gateStep: 'decision', holdUntil: null });
    await kit.record(id, 'governance-held-then-asked-again');
      expect((await openLink(service.baseUrl, await kit.link(c.governance, id, 'approval-request', { count: 2 }))).status).toBe(200);
    } finally {
      await setPolicy(kit.models(), 'goal-alignment', {});
    }
  });

  it('refuses a hold without a date in the future', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    const governance = await kit.as(c.governance);

    const undated = await governance.post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'hold', comment: '' });
    const past = await governance.post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'hold', comment: '', until: '2026-01-01' });

    expect(undated.status).toBe(400);
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toHaveProperty('until');
    expect((await kit.readModel(id)).gateStep).toBe('decision');
  });

  it('can be put on hold from the link page, and decided before the hold ends', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    const link = await kit.link(c.governance, id, 'approval-request');
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();

    const held = await postForm(service.baseUrl, link, { decision: 'hold', until, comment: 'Tas opp i neste møte' });
    const approved = await (await kit.as(c.governance)).post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: 'Tatt opp tidligere' });

    expect(held.status).toBe(200);
    expect(await kit.models().Decision.findOne({ initiativeId: id, decision: 'hold' }).lean()).toMatchObject({ channel: 'email', until: new Date(until) });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ gate: 'owner-signoff', holdUntil: null });
  });
});

// Boards and deputies (issue 12.4 and 12.7): a steering group decides goal alignment together —
// every member is asked with a link of their own, one records the decision on the board's behalf
// and the others' links close; a service owner away on holiday has a deputy who gets the requests
// (and reminders), with the owner in copy, and whose decision records whom it stood in for.
import { describe, expect, it } from 'vitest';
import type { TestService } from '../helpers/app.js';
import { setPolicy } from '../helpers/fixtures.js';
import { governanceSuite, type Cast, type GovernanceKit } from '../helpers/governance.js';
import { linkPath, openLink, postForm } from '../helpers/links.js';

let service: TestService;
let kit: GovernanceKit;
governanceSuite((suite) => ({ service, kit } = suite));

async function board(c: Cast) {
  const chair = await kit.person(c, 'Kari Leder Styre', ['governance']);
  const members = [await kit.person(c, 'Ola Medlem', ['governance']), await kit.person(c, 'Siri Medlem', ['governance'])];
  const created = await (await kit.as(c.governance)).post('/api/boards', { name: `Digitaliseringsrådet ${c.tag}`, chairId: chair, memberIds: members });
  return { id: created.body.id as string, created, chair, members };
}

describe('a board', () => {
  it('is set up by governance with a chair and members who exist', async () => {
    const c = await kit.cast();

    const { created, chair, members } = await board(c);
    const byPm = await (await kit.as(c.projectManager)).post('/api/boards', { name: 'Eget råd', memberIds: [c.projectManager] });
    const unknown = await (await kit.as(c.governance)).post('/api/boards', { name: 'Spøkelsesrådet', memberIds: ['0123456789abcdef01234567'] });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: `Digitaliseringsrådet ${c.tag}`, chairId: chair, memberIds: members });
    expect(byPm.status).toBe(403);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty('memberIds');
  });

  it('asks every member for goal alignment with a link of their own; one decides for the board and the others\' links close', async () => {
    const c = await kit.cast();
    const { id: boardId, chair, members } = await board(c);
    const { governanceId: _none, ...body } = kit.initiativeBody(c, { boardId });
    const created = await (await kit.as(c.projectManager)).post('/api/initiatives', body);
    const id = created.body.id as string;

    const links = await Promise.all([chair, ...members].map((member) => kit.link(member, id, 'approval-request')));
    const decided = await postForm(service.baseUrl, links[2], { decision: 'approve', comment: 'Vedtatt i rådsmøtet' });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ boardId, governanceId: null });
    expect(new Set(links).size).toBe(3);
    expect(decided.status).toBe(200);
    const [decision] = await kit.models().Decision.find({ initiativeId: id }).lean();
    expect(decision).toMatchObject({ gate: 'goal-alignment', decision: 'approve', byId: members[1], onBehalfOf: boardId, channel: 'email' });
    expect((await openLink(service.baseUrl, links[0])).status).toBe(410);
    expect((await postForm(service.baseUrl, links[1], { decision: 'reject' })).status).toBe(410);
    expect(await kit.models().Decision.countDocuments({ initiativeId: id })).toBe(1);
    expect((await kit.readModel(id)).gate).toBe('owner-signoff');
    await kit.record(id, 'governance-board-decided');
  });

  it('is decided for through the API by a member, not by governance outside the board', async () => {
    const c = await kit.cast();
    const { id: boardId, members } = await board(c);
    const { governanceId: _none, ...body } = kit.initiativeBody(c, { boardId });
    const id = (await (await kit.as(c.projectManager)).post('/api/initiatives', body)).body.id as string;

    const outsider = await (await kit.as(c.governance)).post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: '' });
    const member = await (await kit.as(members[0])).post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: 'Vedtatt' });

    expect(outsider.status).toBe(403);
    expect(member.status).toBe(200);
    expect(await kit.models().Decision.findOne({ initiativeId: id }).lean()).toMatchObject({ byId: members[0], onBehalfOf: boardId, channel: 'api' });
  });
});

/** The cast's service owner away from yesterday to the day after tomorrow, with a deputy. */
async function ownerAway(c: Cast) {
  const deputy = await kit.person(c, 'Dina Stedfortreder', ['service-owner']);
  const day = 86_400_000;
  const absence = { from: new Date(Date.now() - day).toISOString(), to: new Date(Date.now() + 2 * day).toISOString(), deputyId: deputy };
  const answer = await (await kit.as(c.admin)).put(`/api/people/${c.owner}`, { absences: [absence] });
  expect(answer.status).toBe(200);
  return deputy;
}

describe('a deputy', () => {
  it('gets the owner sign-off request while the service owner is away, with the owner in copy, and decides through the link', async () => {
    const c = await kit.cast();
    const deputy = await ownerAway(c);
    const id = await kit.start(c);
    const ownerEmail = await kit.emailOf(c.owner);

    await kit.driveTo(c, id, 'owner-signoff');

    const [request] = await kit.mail(deputy, id, 'approval-request');
    expect(request.headers.Cc?.join(',').toLowerCase()).toContain(ownerEmail);
    expect(request.text).toContain('Du får denne som stedfortreder for Tor Tjenesteeier');
    expect((await kit.mailNow(c.owner, id, 'approval-request')).filter((e) => e.to.includes(ownerEmail))).toEqual([]);
    const approved = await postForm(service.baseUrl, linkPath(request), { decision: 'approve', comment: 'Godtatt mens Tor er på ferie' });
    expect(approved.status).toBe(200);
    expect(await kit.models().Decision.findOne({ initiativeId: id, gate: 'owner-signoff' }).lean()).toMatchObject({ decision: 'approve', byId: deputy, deputyFor: c.owner, channel: 'email' });
    expect((await kit.readModel(id)).gate).toBe('implementation');
  });

  it('gets the reminders while the service owner is away, with the owner in copy', async () => {
    const c = await kit.cast();
    const deputy = await ownerAway(c);
    const id = await kit.start(c);
    await setPolicy(kit.models(), 'owner-signoff', { remindAfter: 'PT1S' });
    try {
      await kit.driveTo(c, id, 'owner-signoff');

      const [reminder] = await kit.mail(deputy, id, 'reminder');

      expect(reminder.headers.Cc?.join(',').toLowerCase()).toContain(await kit.emailOf(c.owner));
      expect(reminder.text).toMatch(/\/actions\//);
    } finally {
      await setPolicy(kit.models(), 'owner-signoff', {});
    }
  });

  it('decides through the API while the service owner is away; another service owner may not', async () => {
    const c = await kit.cast();
    const deputy = await ownerAway(c);
    const id = await kit.start(c);
    await kit.driveTo(c, id, 'owner-signoff');

    const other = await (await kit.as(c.englishOwner)).post(`/api/initiatives/${id}/decisions`, { gate: 'owner-signoff', decision: 'approve', comment: '' });
    const byDeputy = await (await kit.as(deputy)).post(`/api/initiatives/${id}/decisions`, { gate: 'owner-signoff', decision: 'approve', comment: 'Som stedfortreder' });

    expect(other.status).toBe(403);
    expect(byDeputy.status).toBe(200);
    // The console learns whom the deputy stands in for from /api/auth/me, and offers the decision.
    expect((await (await kit.as(deputy)).get('/api/auth/me')).body.standingInFor).toEqual([c.owner]);
    expect((await (await kit.as(c.englishOwner)).get('/api/auth/me')).body.standingInFor).toEqual([]);
    expect(await kit.models().Decision.findOne({ initiativeId: id, gate: 'owner-signoff' }).lean()).toMatchObject({ byId: deputy, deputyFor: c.owner, channel: 'api' });
  });

  it('is not asked once the service owner is back: the owner gets the request', async () => {
    const c = await kit.cast();
    const deputy = await kit.person(c, 'Dina Stedfortreder', ['service-owner']);
    const day = 86_400_000;
    await (await kit.as(c.admin)).put(`/api/people/${c.owner}`, { absences: [{ from: new Date(Date.now() - 10 * day).toISOString(), to: new Date(Date.now() - day).toISOString(), deputyId: deputy }] });
    const id = await kit.start(c);

    await kit.driveTo(c, id, 'owner-signoff');

    const [request] = await kit.mail(c.owner, id, 'approval-request');
    expect(request.headers.Cc ?? []).toEqual([]);
    expect(await kit.mailNow(deputy, id)).toEqual([]);
    expect((await (await kit.as(deputy)).get('/api/auth/me')).body.standingInFor).toEqual([]);
  });
});

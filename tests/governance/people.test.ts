// Change agents and enthusiasts in the workflow (issue 13.1–13.2): implementation needs a change
// agent; when it starts each change agent is asked whether their unit is ready (a link they can use
// again), the service owner sees the latest answer per unit when confirming go-live, and the
// project manager's reminders name the units that are not ready. Enthusiasts are asked for their
// view at the start and when implementation starts, and the decider sees what was said at their gate.
import { describe, expect, it } from 'vitest';
import type { TestService } from '../helpers/app.js';
import { setPolicy } from '../helpers/fixtures.js';
import { governanceSuite, recordsOf, type GovernanceKit } from '../helpers/governance.js';
import { openLink, postForm } from '../helpers/links.js';

let service: TestService;
let kit: GovernanceKit;
governanceSuite((suite) => ({ service, kit } = suite));

const readinessOf = (initiativeId: string, as: string) => recordsOf(kit, 'readiness', initiativeId, as, 'at');

describe('change agents', () => {
  it('are needed before owner sign-off: the refusal names changeAgentIds, in the API and on the link page', async () => {
    const c = await kit.cast();
    const id = await kit.start(c, { changeAgentIds: [] });
    await kit.driveTo(c, id, 'owner-signoff');
    const link = await kit.link(c.owner, id, 'approval-request');

    const refused = await (await kit.as(c.owner)).post(`/api/initiatives/${id}/decisions`, { gate: 'owner-signoff', decision: 'approve', comment: '' });
    const page = await postForm(service.baseUrl, link, { decision: 'approve' });
    await (await kit.as(c.projectManager)).put(`/api/initiatives/${id}`, { changeAgentIds: [c.changeAgent] });
    const approved = await postForm(service.baseUrl, link, { decision: 'approve' });

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('precondition-failed');
    expect(refused.body.error.fields).toHaveProperty('changeAgentIds');
    expect(page.status).toBe(409);
    expect(page.text).toContain('Tiltaket har ingen endringsagent ennå.');
    expect(approved.status).toBe(200);
    expect((await kit.readModel(id)).gate).toBe('implementation');
  });

  it('are each asked whether their unit is ready when implementation starts, through a link they can use again', async () => {
    const c = await kit.cast();
    const id = await kit.start(c, { changeAgentIds: [c.changeAgent, c.changeAgent2] });
    await kit.driveTo(c, id, 'implementation');

    const [first, second] = await Promise.all([kit.link(c.changeAgent, id, 'readiness-request'), kit.link(c.changeAgent2, id, 'readiness-request')]);
    const prefilled = await openLink(service.baseUrl, second);
    const withoutUnit = await postForm(service.baseUrl, first, { status: 'ready', unit: ' ' });
    const notReady = await postForm(service.baseUrl, first, { unit: 'Tildelingskontoret', status: 'not-ready', note: 'Mangler opplæring' });
    const ready = await postForm(service.baseUrl, first, { unit: 'Tildelingskontoret', status: 'ready', note: 'Opplæring gjennomført' });
    const byEnthusiast = await (await kit.as(c.enthusiast)).post('/api/readiness', { initiativeId: id, unit: 'Tildelingskontoret', status: 'ready' });

    expect(prefilled.status).toBe(200);
    expect(prefilled.text).toContain('value="Hjemmesykepleie"');
    expect(withoutUnit.status).toBe(400);
    expect(notReady.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(byEnthusiast.status).toBe(403);
    const answers = await readinessOf(id, c.projectManager);
    expect(answers.map((a) => [a.unit, a.status, a.note, a.personId, a.channel])).toEqual([
      ['Tildelingskontoret', 'not-ready', 'Mangler opplæring', c.changeAgent, 'email'],
      ['Tildelingskontoret', 'ready', 'Opplæring gjennomført', c.changeAgent, 'email'],
    ]);
  });

  it('let the service owner see the latest readiness of each unit when confirming go-live', async () => {
    const c = await kit.cast();
    const id = await kit.start(c, { changeAgentIds: [c.changeAgent, c.changeAgent2] });
    await kit.driveTo(c, id, 'implementation');
    const link = await kit.link(c.changeAgent, id, 'readiness-request');
    await postForm(service.baseUrl, link, { unit: 'Tildelingskontoret', status: 'not-ready', note: 'Mangler opplæring' });
    await postForm(service.baseUrl, link, { unit: 'Tildelingskontoret', status: 'ready', note: 'Opplæring gjennomført' });
    const fromConsole = await (await kit.as(c.changeAgent2)).post('/api/readiness', { initiativeId: id, unit: 'Hjemmesykepleie', status: 'not-ready', note: 'Venter på nettbrett' });

    await kit.decide(id, 'implementation', 'approve', c.projectManager);

    const page = await openLink(service.baseUrl, await kit.link(c.owner, id, 'confirmation-request'));
    expect(fromConsole.status).toBe(201);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Klarhet i enhetene');
    expect(page.text).toContain('Tildelingskontoret: klar – Opplæring gjennomført');
    expect(page.text).toContain('Hjemmesykepleie: ikke klar – Venter på nettbrett');
    expect(page.text).not.toContain('Tildelingskontoret: ikke klar');
  });

  it('have the units that are not ready named in the project manager\'s implementation reminder', async () => {
    const c = await kit.cast();
    const id = await kit.start(c, { changeAgentIds: [c.changeAgent, c.changeAgent2] });
    await setPolicy(kit.models(), 'implementation', { reportEvery: 'PT2S' });
    try {
      // The units answer from the console before the reminder can fall due.
      await kit.driveTo(c, id, 'owner-signoff');
      const agent = await kit.as(c.changeAgent2);
      await agent.post('/api/readiness', { initiativeId: id, unit: 'Hjemmesykepleie', status: 'not-ready', note: 'Venter på nettbrett' });
      await agent.post('/api/readiness', { initiativeId: id, unit: 'Tildelingskontoret', status: 'ready' });
      await kit.decide(id, 'owner-signoff', 'approve', c.owner);

      const [reminder] = await kit.mail(c.projectManager, id, 'reminder');

      expect(reminder.text).toMatch(/Enheter som ikke er klare:?\s+Hjemmesykepleie\s/);
      expect(reminder.text).not.toContain('Tildelingskontoret');
    } finally {
      await setPolicy(kit.models(), 'implementation', { reportEvery: 'PT1H' });
      await service.context.workflows.admin(id, { action: 'cancel', reason: 'Testen er ferdig', actorId: c.admin, channel: 'api' }).catch(() => undefined);
    }
  });
});

describe('enthusiasts', () => {
  it('are invited again when implementation starts, and their view is kept with that gate', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    await kit.driveTo(c, id, 'implementation');

    const invitations = await kit.mail(c.enthusiast, id, 'comment-invitation', { count: 2 });
    const link = await kit.link(c.enthusiast, id, 'comment-invitation', { count: 2 });
    const empty = await postForm(service.baseUrl, link, { text: '  ' });
    const said = await postForm(service.baseUrl, link, { text: 'Ta med hjemmetjenesten tidlig.' });

    expect(invitations[1].text).toContain('Gjennomføring');
    expect(empty.status).toBe(400);
    expect(said.status).toBe(200);
    expect(await kit.models().Comment.find({ initiativeId: id }).lean()).toEqual([
      expect.objectContaining({ gate: 'implementation', text: 'Ta med hjemmetjenesten tidlig.', authorId: c.enthusiast, channel: 'email' }),
    ]);
  });

  it('are heard by the decider of the gate they spoke at, by link or in the console, and not at a later gate', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    const invitation = await kit.link(c.enthusiast, id, 'comment-invitation');
    await postForm(service.baseUrl, invitation, { text: 'Innbyggerne har etterspurt dette lenge.' });
    const fromPm = await (await kit.as(c.projectManager)).post('/api/comments', { initiativeId: id, text: 'Brukerrådet støtter tiltaket.' });

    const governancePage = await openLink(service.baseUrl, await kit.link(c.governance, id, 'approval-request'));
    await kit.decide(id, 'goal-alignment', 'approve', c.governance);
    const atSignoff = await (await kit.as(c.enthusiast)).post('/api/comments', { initiativeId: id, text: 'Husk opplæring av de ansatte.' });
    const ownerPage = await openLink(service.baseUrl, await kit.link(c.owner, id, 'approval-request'));

    expect(fromPm.status).toBe(201);
    expect(fromPm.body).toMatchObject({ gate: 'goal-alignment', authorId: c.projectManager });
    expect(governancePage.text).toContain('Innspill fra ildsjeler og andre');
    expect(governancePage.text).toContain('Ine Ildsjel: Innbyggerne har etterspurt dette lenge.');
    expect(governancePage.text).toContain('Per Prosjektleder: Brukerrådet støtter tiltaket.');
    expect(atSignoff.status).toBe(201);
    expect(atSignoff.body.gate).toBe('owner-signoff');
    expect(ownerPage.text).toContain('Ine Ildsjel: Husk opplæring av de ansatte.');
    expect(ownerPage.text).not.toContain('Innbyggerne har etterspurt dette lenge.');
  });
});

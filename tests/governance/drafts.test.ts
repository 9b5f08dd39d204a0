// Drafts, submission and revision (issue 12.1–12.2): a project manager prepares a decision basis
// in a draft nobody is asked about yet; governance is asked once the basis is complete; a gate
// sent back for revision waits for the project manager, who says what changed when resubmitting,
// and the decider sees it in the email and on the link page.
import { describe, expect, it } from 'vitest';
import type { TestService } from '../helpers/app.js';
import { setPolicy } from '../helpers/fixtures.js';
import { completeBasis, governanceSuite, type GovernanceKit } from '../helpers/governance.js';
import { openLink, postForm } from '../helpers/links.js';

let service: TestService;
let kit: GovernanceKit;
governanceSuite((suite) => ({ service, kit } = suite));

describe('a draft', () => {
  it('is registered as a draft and asks nobody, however it is edited', async () => {
    const c = await kit.cast();
    const pm = await kit.as(c.projectManager);

    const created = await pm.post('/api/initiatives', { ...kit.initiativeBody(c), ...completeBasis(), draft: true });
    const edited = await pm.put(`/api/initiatives/${created.body.id}`, { description: 'Også for pårørende.' });

    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'draft', description: 'Også for pårørende.' });
    expect(await kit.models().Email.countDocuments({ initiativeId: created.body.id })).toBe(0);
    expect(await kit.mailNow(c.governance, created.body.id)).toEqual([]);
    expect(await kit.mailNow(c.enthusiast, created.body.id)).toEqual([]);
  });

  it('is not submitted while its decision basis is incomplete, and the answer names every missing field', async () => {
    const c = await kit.cast();
    const pm = await kit.as(c.projectManager);
    const created = await pm.post('/api/initiatives', { ...kit.initiativeBody(c, { goalLinks: [] }), draft: true });

    const refused = await pm.post(`/api/initiatives/${created.body.id}/submit`, { note: '' });

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('precondition-failed');
    expect(Object.keys(refused.body.error.fields).sort()).toEqual(['benefits', 'costEstimate', 'dpia', 'goalLinks', 'problem', 'risk.level']);
    expect((await kit.readModel(created.body.id)).status).toBe('draft');
    expect(await kit.models().Email.countDocuments({ initiativeId: created.body.id })).toBe(0);
  });

  it('names only what is still missing once part of the basis is filled in', async () => {
    const c = await kit.cast();
    const pm = await kit.as(c.projectManager);
    const { risk: _risk, dpia: _dpia, ...partial } = completeBasis();
    const created = await pm.post('/api/initiatives', { ...kit.initiativeBody(c), ...partial, draft: true });
    await pm.post('/api/benefits', kit.benefitBody(created.body.id));

    const refused = await pm.post(`/api/initiatives/${created.body.id}/submit`, {});

    expect(refused.status).toBe(409);
    expect(Object.keys(refused.body.error.fields).sort()).toEqual(['dpia', 'risk.level']);
  });

  it('goes to governance when submitted complete: active at goal alignment, governance asked, enthusiasts invited to comment', async () => {
    const c = await kit.cast();
    const pm = await kit.as(c.projectManager);
    const created = await pm.post('/api/initiatives', { ...kit.initiativeBody(c), ...completeBasis(), draft: true });
    const id = created.body.id;
    const benefit = await pm.post('/api/benefits', kit.benefitBody(id));

    const submitted = await pm.post(`/api/initiatives/${id}/submit`, { note: 'Klar for målforankring' });

    expect(benefit.status).toBe(201);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'active', gate: 'goal-alignment' });
    expect((await openLink(service.baseUrl, await kit.link(c.governance, id, 'approval-request'))).status).toBe(200);
    const invitation = await kit.link(c.enthusiast, id, 'comment-invitation');
    const commented = await postForm(service.baseUrl, invitation, { text: 'Husk pårørende som søker på vegne av andre.' });
    expect(commented.status).toBe(200);
    expect(await kit.models().Comment.findOne({ initiativeId: id }).lean()).toMatchObject({ gate: 'goal-alignment', authorId: c.enthusiast, channel: 'email' });
    const [entry] = await kit.audit(id, 'initiative.submitted');
    expect(entry).toMatchObject({ actorId: c.projectManager, details: { note: 'Klar for målforankring' } });
  });

  it('refuses documents that are not http or https addresses', async () => {
    const c = await kit.cast();
    const pm = await kit.as(c.projectManager);

    const script = await pm.post('/api/initiatives', { ...kit.initiativeBody(c), documents: [{ title: 'Klikk', url: 'javascript:alert(1)' }], draft: true });
    const file = await pm.post('/api/initiatives', { ...kit.initiativeBody(c), documents: [{ title: 'Fil', url: 'file:///etc/passwd' }], draft: true });

    expect(script.status).toBe(400);
    expect(script.body.error.fields).toHaveProperty(['documents.0.url']);
    expect(file.status).toBe(400);
    expect(await kit.models().Initiative.countDocuments({ projectManagerId: c.projectManager })).toBe(0);
  });
});

describe('the decision basis on the decider\'s page', () => {
  it('shows problem, cost, risk, alternatives, DPIA and documents on the link page of the goal-alignment request', async () => {
    const c = await kit.cast();
    const pm = await kit.as(c.projectManager);
    const created = await pm.post('/api/initiatives', { ...kit.initiativeBody(c), ...completeBasis() });

    const page = await openLink(service.baseUrl, await kit.link(c.governance, created.body.id, 'approval-request'));

    expect(page.status).toBe(200);
    expect(page.text).toContain('Beslutningsunderlag');
    expect(page.text).toContain('Søknader om trygghetsalarm kommer på papir og tar tre uker å behandle.');
    expect(page.text).toMatch(/450\s000 kr i investering, 60\s000 kr i året i drift/);
    expect(page.text).toContain('middels – Fagsystemets leverandør må levere et grensesnitt.');
    expect(page.text).toContain('Å la være, eller bruke en nasjonal felleskomponent.');
    expect(page.text).toContain('nødvendig, ikke gjort');
    expect(page.text).toContain('<a href="https://kommune.example/forprosjekt.pdf" rel="noopener noreferrer">Forprosjektrapport</a>');
  });
});

describe('revision', () => {
  it('sends the gate back to the project manager with the comment, and the decider\'s link closes', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    const oldLink = await kit.link(c.governance, id, 'approval-request');

    const revised = await (await kit.as(c.governance)).post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'revise', comment: 'Beskriv alternativene' });

    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ status: 'active', gate: 'goal-alignment', gateStep: 'revision', waitingOnId: c.projectManager });
    const [notice] = await kit.mail(c.projectManager, id, 'notification', { where: (e) => e.subject.includes('revisjon') });
    expect(notice.text).toContain('Beskriv alternativene');
    expect((await openLink(service.baseUrl, oldLink)).status).toBe(410);
  });

  it('takes no decision while the gate is back with the project manager: a wrong-state answer, not a matter of role', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    await kit.decide(id, 'goal-alignment', 'revise', c.governance);

    const byDecider = await (await kit.as(c.governance)).post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: 'Godkjent likevel' });
    const naming = await (await kit.as(c.governance)).post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', step: 'decision', decision: 'approve', comment: 'Godkjent likevel' });

    expect(naming.status).toBe(409);
    expect(byDecider.status).toBe(409);
    expect(byDecider.body.error.code).toBe('wrong-state');
    expect((await kit.readModel(id)).gateStep).toBe('revision');
    expect(await kit.models().Decision.countDocuments({ initiativeId: id, decision: 'approve' })).toBe(0);
  });

  it('reminds the project manager while the revision waits, with the comment', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    await setPolicy(kit.models(), 'goal-alignment', { remindAfter: 'PT1S' });
    try {
      await kit.decide(id, 'goal-alignment', 'revise', c.governance, { comment: 'Mangler risikovurdering' });

      const [reminder] = await kit.mail(c.projectManager, id, 'reminder');

      expect(reminder.text).toContain('Mangler risikovurdering');
      expect(reminder.text).not.toMatch(/\/actions\//);
      expect(await kit.mailNow(c.governance, id, 'reminder')).toEqual([]);
    } finally {
      await setPolicy(kit.models(), 'goal-alignment', {});
    }
  });

  it('needs a note from the project manager to resubmit, and asks the decider again showing what changed', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    await kit.decide(id, 'goal-alignment', 'revise', c.governance, { comment: 'Beskriv alternativene' });
    const pm = await kit.as(c.projectManager);

    const bare = await pm.post(`/api/initiatives/${id}/submit`, { note: '  ' });
    const resubmitted = await pm.post(`/api/initiatives/${id}/submit`, { note: 'Alternativet «la være» er beskrevet' });

    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toHaveProperty('note');
    expect(resubmitted.status).toBe(200);
    expect(await kit.eventually(async () => (await kit.readModel(id)).gateStep === 'decision', 'the gate back at its decision')).toBe(true);
    await kit.record(id, 'governance-revised-and-resubmitted');
    const requests = await kit.mail(c.governance, id, 'approval-request', { count: 2 });
    expect(requests[0].text).not.toContain('Endret siden sist');
    expect(requests[1].text).toMatch(/Endret siden sist:?\s+Alternativet «la være» er beskrevet/);
    const page = await openLink(service.baseUrl, await kit.link(c.governance, id, 'approval-request', { count: 2 }));
    expect(page.text).toContain('Endret siden sist');
    expect(page.text).toContain('Alternativet «la være» er beskrevet');
    const [entry] = await kit.audit(id, 'gate.resubmitted');
    expect(entry).toMatchObject({ actorId: c.projectManager, details: { gate: 'goal-alignment', note: 'Alternativet «la være» er beskrevet' } });
  });

  it('words the change note "Changed since last time" for an English-speaking decider', async () => {
    const c = await kit.cast();
    const english = await kit.person(c, 'Grace Governance', ['governance'], { locale: 'en' });
    const id = await kit.start(c, { governanceId: english });
    await kit.decide(id, 'goal-alignment', 'revise', english);

    await (await kit.as(c.projectManager)).post(`/api/initiatives/${id}/submit`, { note: 'Risk assessment added' });

    const requests = await kit.mail(english, id, 'approval-request', { count: 2 });
    expect(requests[1].text).toMatch(/Changed since last time:?\s+Risk assessment added/);
  });

  it('does not carry a resubmission note of goal alignment into the service owner\'s first request', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    await kit.decide(id, 'goal-alignment', 'revise', c.governance);
    await (await kit.as(c.projectManager)).post(`/api/initiatives/${id}/submit`, { note: 'Målkoblingen er begrunnet bedre' });
    await kit.eventually(async () => (await kit.readModel(id)).gateStep === 'decision', 'the gate back at its decision');

    await kit.decide(id, 'goal-alignment', 'approve', c.governance);

    const [request] = await kit.mail(c.owner, id, 'approval-request');
    expect(request.text).not.toContain('Målkoblingen er begrunnet bedre');
    const page = await openLink(service.baseUrl, await kit.link(c.owner, id, 'approval-request'));
    expect(page.text).not.toContain('Målkoblingen er begrunnet bedre');
  });
});

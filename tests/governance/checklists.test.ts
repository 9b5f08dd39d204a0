// Phase checklists (issue 12.3): administrators keep per-gate checklists (defaults exist); the
// project manager or the gate's decider marks items done or not relevant (with a reason); a gate is
// not approved while a mandatory item is open, and the link page says which.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLISTS } from '../../domain/checklists.js';
import type { TestService } from '../helpers/app.js';
import { governanceSuite, type GovernanceKit } from '../helpers/governance.js';
import { openLink, postForm } from '../helpers/links.js';

let service: TestService;
let kit: GovernanceKit;

governanceSuite(
  (suite) => ({ service, kit } = suite),
  async (ready) => {
    // The rules under test: goal alignment keeps its default checklist, with its mandatory items.
    await ready.models().Checklist.updateOne({ _id: 'goal-alignment' }, { $set: { items: DEFAULT_CHECKLISTS['goal-alignment'] } });
  },
);

const mark = async (who: string, id: string, body: Record<string, unknown>) => (await kit.as(who)).post(`/api/initiatives/${id}/checklist`, { gate: 'goal-alignment', ...body });

describe('the checklists of the gates', () => {
  it('come with defaults for every gate, which everyone reads', async () => {
    const c = await kit.cast();
    const reader = await kit.as(c.enthusiast);

    const goalAlignment = await reader.get('/api/checklists/goal-alignment');
    const all = await reader.get('/api/checklists');

    expect(goalAlignment.status).toBe(200);
    expect(goalAlignment.body.items).toEqual(expect.arrayContaining([
      { key: 'dpia-considered', text: 'Behovet for personvernkonsekvensvurdering (DPIA) er vurdert', mandatory: true },
      { key: 'alternatives-considered', text: 'Alternativer, også å la være, er vurdert', mandatory: false },
    ]));
    expect(all.body.map((checklist: { id: string }) => checklist.id).sort()).toEqual(['benefit-realisation', 'goal-alignment', 'implementation', 'owner-signoff']);
  });

  it('are changed by administrators only, and a changed checklist applies to the next approval', async () => {
    const c = await kit.cast();
    const items = [{ key: 'budget-approved', text: 'Budsjettet er vedtatt', mandatory: true }];
    const before = (await kit.models().Checklist.findById('implementation').lean())!.items;
    try {
      const byPm = await (await kit.as(c.projectManager)).put('/api/checklists/implementation', { items });
      const byAdmin = await (await kit.as(c.admin)).put('/api/checklists/implementation', { items });
      const id = await kit.start(c);
      await mark(c.projectManager, id, { key: 'dpia-considered', status: 'done' });
      await mark(c.projectManager, id, { key: 'infosec-assessed', status: 'done' });
      await kit.driveTo(c, id, 'implementation');

      const refused = await (await kit.as(c.projectManager)).post(`/api/initiatives/${id}/decisions`, { gate: 'implementation', decision: 'approve', comment: 'Ferdig' });

      expect(byPm.status).toBe(403);
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.items).toEqual(items);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'checklist-incomplete', fields: { 'checklist.budget-approved': 'Budsjettet er vedtatt' } });
      expect(await kit.models().Audit.countDocuments({ action: 'checklist.updated', actorId: c.admin })).toBe(1);
    } finally {
      await kit.models().Checklist.updateOne({ _id: 'implementation' }, { $set: { items: before } });
    }
  });
});

describe('a gate with mandatory items open', () => {
  it('is not approved, and the answer names each open mandatory item (not the optional ones)', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);

    const refused = await (await kit.as(c.governance)).post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: '' });

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('checklist-incomplete');
    expect(Object.keys(refused.body.error.fields).sort()).toEqual(['checklist.dpia-considered', 'checklist.infosec-assessed']);
    expect((await kit.readModel(id)).gate).toBe('goal-alignment');
  });

  it('is approved once each mandatory item is done or marked not relevant with a reason', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);

    const done = await mark(c.projectManager, id, { key: 'dpia-considered', status: 'done' });
    const unexplained = await mark(c.projectManager, id, { key: 'infosec-assessed', status: 'not-relevant' });
    const explained = await mark(c.projectManager, id, { key: 'infosec-assessed', status: 'not-relevant', comment: 'Ingen nye systemer' });
    const approved = await (await kit.as(c.governance)).post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: '' });

    expect(done.status).toBe(200);
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.error.fields).toHaveProperty('comment');
    expect(explained.status).toBe(200);
    expect(explained.body.checklist).toEqual(expect.arrayContaining([
      expect.objectContaining({ gate: 'goal-alignment', key: 'dpia-considered', status: 'done', byId: c.projectManager }),
      expect.objectContaining({ gate: 'goal-alignment', key: 'infosec-assessed', status: 'not-relevant', comment: 'Ingen nye systemer', byId: c.projectManager }),
    ]));
    expect(approved.status).toBe(200);
    expect(approved.body.gate).toBe('owner-signoff');
    const entries = await kit.audit(id, 'checklist.marked');
    expect(entries.map((e) => e.details)).toEqual(expect.arrayContaining([
      expect.objectContaining({ gate: 'goal-alignment', item: 'infosec-assessed', status: 'not-relevant', comment: 'Ingen nye systemer' }),
    ]));
  });

  it('counts the newest mark: an item set back to open blocks again', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    await mark(c.projectManager, id, { key: 'dpia-considered', status: 'done' });
    await mark(c.projectManager, id, { key: 'infosec-assessed', status: 'done' });

    await mark(c.governance, id, { key: 'infosec-assessed', status: 'open', comment: 'Mangler ROS' });
    const refused = await (await kit.as(c.governance)).post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: '' });

    expect(refused.status).toBe(409);
    expect(Object.keys(refused.body.error.fields)).toEqual(['checklist.infosec-assessed']);
    expect((await kit.readModel(id)).checklist.filter((e) => e.key === 'infosec-assessed')).toHaveLength(1);
  });

  it('is marked by the project manager or the gate\'s decider, not by a bystander, and only with known items', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);

    const bystander = await mark(c.enthusiast, id, { key: 'dpia-considered', status: 'done' });
    const unknown = await mark(c.projectManager, id, { key: 'no-such-item', status: 'done' });
    const decider = await mark(c.governance, id, { key: 'dpia-considered', status: 'done' });

    expect(bystander.status).toBe(403);
    expect(unknown.status).toBe(400);
    expect(decider.status).toBe(200);
    expect((await kit.readModel(id)).checklist).toEqual([expect.objectContaining({ key: 'dpia-considered', status: 'done', byId: c.governance })]);
  });

  it('tells the decider on the link page what is missing, and the link works once it is done', async () => {
    const c = await kit.cast();
    const id = await kit.start(c);
    const link = await kit.link(c.governance, id, 'approval-request');

    const page = await openLink(service.baseUrl, link);
    const refused = await postForm(service.baseUrl, link, { decision: 'approve' });
    const still = await openLink(service.baseUrl, link);
    await mark(c.projectManager, id, { key: 'dpia-considered', status: 'done' });
    await mark(c.projectManager, id, { key: 'infosec-assessed', status: 'done' });
    const approved = await postForm(service.baseUrl, link, { decision: 'approve' });

    expect(page.text).toContain('Sjekkliste for beslutningspunktet');
    expect(page.text).toContain('Informasjonssikkerhet er vurdert *: åpent');
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('Noe mangler før du kan godkjenne');
    expect(refused.text).toContain('Behovet for personvernkonsekvensvurdering (DPIA) er vurdert');
    expect(refused.text).toContain('Informasjonssikkerhet er vurdert');
    expect(refused.text).not.toContain('Alternativer, også å la være, er vurdert');
    expect(still.status).toBe(200);
    expect(approved.status).toBe(200);
    expect((await kit.readModel(id)).gate).toBe('owner-signoff');
  });
});

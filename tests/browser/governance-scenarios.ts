// Initiatives for the governance walk, arranged over the real API and workflow as the people of
// the test municipality would: a portfolio board, a draft with a complete decision basis, its
// gates passed by the people who decide them.
import { randomUUID } from 'node:crypto';
import type { HttpClient, TestService } from '../helpers/app.js';
import { eventually } from '../helpers/browser.js';
import { DEFAULT_CHECKLISTS } from '../../domain/checklists.js';
import type { Gate } from '../../domain/types.js';

export interface Board {
  id: string;
  name: string;
  /** A board member who is not the initiative's named governance person. */
  member: string;
}

/** The portfolio board: the municipality's governance person chairs it, a second member sits on it. */
export async function portfolioBoard(service: TestService): Promise<Board> {
  const { models } = service.engine.db;
  const { town } = service;
  const chair = await models.Person.findById(town.governance).lean();
  const member = await models.Person.create({
    name: 'Bodil Styremedlem',
    email: `bodil.styremedlem.${town.tag}@kommune.test`,
    roles: ['governance'],
    unit: 'Porteføljestyret',
    passwordHash: chair!.passwordHash,
  });
  const name = `Porteføljestyret ${town.tag}`;
  const governance = await service.as(town.governance);
  const created = await governance.post('/api/boards', { name, chairId: town.governance, memberIds: [town.governance, String(member._id)] });
  if (created.status !== 201) throw new Error(`creating the board failed: ${created.status} ${created.text}`);
  return { id: created.body.id, name, member: String(member._id) };
}

/** Mandatory checklist items at the first two gates, as a municipality starts with them. */
export async function defaultChecklists(service: TestService): Promise<void> {
  for (const gate of ['goal-alignment', 'owner-signoff'] as const) {
    await service.engine.db.models.Checklist.updateOne({ _id: gate }, { $set: { items: DEFAULT_CHECKLISTS[gate] } }, { upsert: true });
  }
}

export const DECISION_BASIS = {
  problem: 'Søknader om trygghetsalarm kommer på papir og tastes inn for hånd; saksbehandlingen tar tre uker.',
  costEstimate: { investment: 850_000, yearlyRunning: 120_000 },
  risk: { level: 'medium', description: 'Integrasjonen mot fagsystemet er ny; vi tester den i én sone først.' },
  alternatives: 'Å la være (tre ukers ventetid består), eller kjøpe skjemaløsningen fra nabokommunen.',
  dpia: 'not-needed',
  documents: [{ title: 'Gevinstanalyse', url: 'https://example.org/gevinstanalyse.pdf' }],
};

async function expectOk(what: string, response: { status: number; text: string }) {
  if (response.status >= 300) throw new Error(`${what} failed: ${response.status} ${response.text}`);
}

/** Every item of a gate's checklist marked done by the project manager. */
export async function checklistDone(service: TestService, id: string, gate: Gate, projectManager?: HttpClient) {
  const client = projectManager ?? (await service.as(service.town.projectManager));
  const template = await service.engine.db.models.Checklist.findById(gate).lean();
  for (const item of template?.items ?? DEFAULT_CHECKLISTS[gate]) {
    await expectOk(`marking ${item.key}`, await client.post(`/api/initiatives/${id}/checklist`, { gate, key: item.key, status: 'done', comment: '' }));
  }
}

export interface Walked {
  id: string;
  title: string;
  benefitId: string;
}

/** A draft with a complete decision basis and a benefit plan, submitted to the board. */
/** What the project manager says on submitting; the board sees it above the decision basis. */
export const FIRST_SUBMISSION_NOTE = 'Første innsending, med kostnadsoverslag fra økonomi';

export async function submittedToBoard(service: TestService, board: Board, what: string): Promise<Walked> {
  const { town } = service;
  const title = `${what} ${randomUUID().slice(0, 8)}`;
  const projectManager = await service.as(town.projectManager);
  const created = await projectManager.post('/api/initiatives', {
    draft: true,
    title,
    description: 'Innbyggerne søker om trygghetsalarm på nett.',
    serviceId: town.service,
    projectManagerId: town.projectManager,
    boardId: board.id,
    goalLinks: [{ goalId: town.goal, contribution: 3, rationale: 'Gjør søknaden digital' }],
    changeAgentIds: [town.changeAgent, town.changeAgent2],
    enthusiastIds: [town.enthusiast],
    ...DECISION_BASIS,
  });
  await expectOk('creating the draft', created);
  const id = created.body.id as string;
  const benefit = await projectManager.post('/api/benefits', {
    initiativeId: id,
    title: 'Færre manuelle søknader',
    category: 'efficiency',
    indicator: 'Andel digitale søknader',
    unit: '%',
    baseline: 10,
    baselineDate: '2026-01-01',
    target: 80,
    direction: 'increase',
    measureEvery: 'P1M',
    followUpUntil: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    valuePerYear: 400_000,
  });
  await expectOk('adding the benefit', benefit);
  await checklistDone(service, id, 'goal-alignment', projectManager);
  await expectOk('submitting', await projectManager.post(`/api/initiatives/${id}/submit`, { note: FIRST_SUBMISSION_NOTE }));
  await eventually(`${title} to wait for the board`, () => service.engine.db.models.Audit.exists({ initiativeId: id, action: 'gate.entered' }));
  return { id, title, benefitId: benefit.body.id };
}

/** An enthusiast's view on the initiative, at the gate it is at. */
export async function enthusiastSays(service: TestService, id: string, text: string) {
  const enthusiast = await service.as(service.town.enthusiast);
  await expectOk('commenting', await enthusiast.post('/api/comments', { initiativeId: id, text }));
}

/** Goal alignment approved by a board member (with conditions, if given). */
export async function boardApproves(service: TestService, board: Board, id: string, conditions: string[] = []) {
  const member = await service.as(board.member);
  const answer = await member.post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: 'Godkjent i styremøtet', ...(conditions.length ? { conditions } : {}) });
  await expectOk('the board approving', answer);
}

/** Through goal alignment and owner sign-off: implementation is under way. */
export async function inImplementation(service: TestService, board: Board, what: string): Promise<Walked> {
  const walked = await submittedToBoard(service, board, what);
  await boardApproves(service, board, walked.id);
  await checklistDone(service, walked.id, 'owner-signoff');
  const owner = await service.as(service.town.owner);
  await expectOk('the owner signing off', await owner.post(`/api/initiatives/${walked.id}/decisions`, { gate: 'owner-signoff', decision: 'approve', comment: '' }));
  await eventually(`${walked.title} to be in implementation`, async () => (await service.engine.db.models.Initiative.findById(walked.id).lean())?.gate === 'implementation');
  return walked;
}

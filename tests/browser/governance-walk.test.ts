// A decision point as each role lives it, in a real Chromium against the real stack: the project
// manager prepares a draft and submits it, a board member decides with conditions, the service
// owner opens the emailed link, change agents say whether their units are ready, and the owner
// accepts a change to the benefit plan. Each page is audited with axe-core and photographed into
// tests/artifacts/screenshots as walk-<step>-<what>.png (README "A decision point, role by role" shows them, kept in docs/screenshots).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect } from 'vitest';
import type { TestService } from '../helpers/app.js';
import { eventually, expectAccessible, screenshot, settled, signIn, visit, type WatchedPage } from '../helpers/browser.js';
import { actionLinkIn } from '../helpers/mailbox.js';
import { browserSuite } from './suite.js';
import {
  DECISION_BASIS,
  boardApproves,
  checklistDone,
  defaultChecklists,
  enthusiastSays,
  inImplementation,
  portfolioBoard,
  submittedToBoard,
  FIRST_SUBMISSION_NOTE,
  type Board,
} from './governance-scenarios.js';

const suite = browserSuite('tests/browser/governance-walk.test.ts', ['chromium', 'console']);
const { inBrowser } = suite;

let service: TestService;
let board: Board;

beforeAll(async () => {
  const started = await suite.start();
  if (!started) return;
  service = started;
  await defaultChecklists(service);
  board = await portfolioBoard(service);
});

const models = () => service.engine.db.models;
/** How long a page may take to show what the server already has. */
const POLL = { timeout: 15_000 };

/** Signed in as `personId`, with CSP bypassed so axe can be injected. */
async function consoleAs(personId: string): Promise<WatchedPage> {
  const watched = await suite.newPage({ bypassCSP: true });
  await signIn(watched.page, service.baseUrl, await service.town.emailOf(personId));
  return watched;
}

/** Chooses `text` in the autocomplete named `label`. */
async function pick(page: Page, label: string, text: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: text }).first().click();
}

const initiative = async (id: string) => (await models().Initiative.findById(id).lean())!;

describe('a decision point, role by role', () => {
  inBrowser('the project manager saves a draft, is told what the decision basis lacks, completes it and the checklist, and submits it to the board', async () => {
    const { town } = service;
    const title = `Digital søknad om trygghetsalarm ${town.tag}`;
    const { page } = await consoleAs(town.projectManager);

    // A new initiative is saved as a draft: governance is not asked yet.
    await visit(page, service.baseUrl, '/initiatives/create', 'save-draft');
    await page.getByLabel(/^Tittel/).fill(title);
    await pick(page, 'Tjeneste', `Hjemmetjenester ${town.tag}`);
    await pick(page, 'Prosjektleder', 'Per Prosjektleder');
    await pick(page, 'Styre', board.name);
    await page.getByTestId('save-draft').click();
    await page.getByTestId('draft-notice').waitFor();
    const id = page.url().match(/initiatives\/([0-9a-f]{24})\/show/)![1];
    expect((await initiative(id)).status).toBe('draft');

    // Submitting too early: the dialog lists what is missing, and the draft stays a draft.
    await page.getByTestId('submit-button').click();
    await page.getByTestId('submit-dialog-submit').click();
    const missing = page.getByTestId('submit-missing');
    await missing.waitFor();
    for (const field of ['problem', 'goalLinks', 'benefits', 'costEstimate', 'risk.level', 'dpia']) {
      await missing.getByTestId(`submit-missing-${field}`).waitFor();
    }
    expect(await missing.textContent()).toContain('Problem eller behov: beskriv hva initiativet svarer på');
    await expectAccessible(page, 'walk-1-draft-missing');
    await page.getByTestId('submit-dialog-cancel').click();
    expect((await initiative(id)).status).toBe('draft');

    // The goal link and the benefit plan are added as before (goal links and the benefit form).
    const projectManager = await service.as(town.projectManager);
    await projectManager.put(`/api/initiatives/${id}`, { goalLinks: [{ goalId: town.goal, contribution: 3, rationale: 'Søknaden blir digital' }], changeAgentIds: [town.changeAgent] });
    await projectManager.post('/api/benefits', {
      initiativeId: id, title: 'Spart saksbehandlingstid', category: 'efficiency', indicator: 'Timer spart per måned', unit: 'timer',
      baseline: 0, baselineDate: '2026-01-01', target: 60, direction: 'increase', measureEvery: 'P1M', followUpUntil: '2027-12-31', valuePerYear: 540_000,
    });

    // The decision basis on the edit form.
    await page.goto(`${service.baseUrl}/#/initiatives/${id}/edit`);
    // The form is filled in once the record and its references have loaded (they reset it).
    await expect.poll(async () => page.getByLabel(/^Tittel/).inputValue(), POLL).toBe(title);
    await settled(page);
    await page.getByLabel(/^Problem eller behov/).fill(DECISION_BASIS.problem);
    await page.getByLabel(/^Investering \(kroner\)/).fill('850000');
    await page.getByLabel(/^Årlig driftskostnad \(kroner\)/).fill('120000');
    await page.getByRole('radio', { name: 'Middels', exact: true }).check();
    await page.getByLabel(/^Viktigste risikoer/).fill(DECISION_BASIS.risk.description);
    await page.getByLabel(/^Vurderte alternativer/).fill(DECISION_BASIS.alternatives);
    await page.getByRole('radio', { name: 'Ikke nødvendig', exact: true }).check();
    await expectAccessible(page, 'walk-1-decision-basis-form');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByTestId('decision-basis').or(page.getByTestId('draft-notice')).first().waitFor();
    await eventually('the decision basis to be saved', async () => (await initiative(id)).costEstimate?.investment === 850_000);

    // The checklist of goal alignment: two items done, one not relevant (saying why).
    await visit(page, service.baseUrl, `/initiatives/${id}/show/checklist`, 'checklist-goal-alignment');
    await page.getByTestId('checklist-blocking').waitFor();
    for (const key of ['dpia-considered', 'infosec-assessed']) {
      await page.getByTestId(`checklist-mark-${key}`).click();
      await page.getByTestId('checklist-dialog-submit').click();
      await page.locator(`[data-testid="checklist-item-${key}"][data-status="done"]`).waitFor();
    }
    await page.getByTestId('checklist-mark-alternatives-considered').click();
    await page.getByTestId('checklist-dialog').getByRole('radio', { name: 'Ikke relevant', exact: true }).check();
    await page.getByTestId('checklist-comment').fill('Lovpålagt tjeneste; å la være er ikke et alternativ');
    await page.getByTestId('checklist-dialog-submit').click();
    await page.locator('[data-testid="checklist-item-alternatives-considered"][data-status="not-relevant"]').waitFor();
    expect(await page.getByTestId('checklist-blocking').count()).toBe(0);
    await expectAccessible(page, 'walk-1-checklist');

    // Now it goes: the board's members are asked.
    await page.getByTestId('submit-button').click();
    await page.getByTestId('submit-note').fill('Første innsending');
    await page.getByTestId('submit-dialog-submit').click();
    await eventually('the initiative to wait for the board', async () => (await initiative(id)).status === 'active' && (await initiative(id)).waitingOnIds?.length === 2);
    await page.reload();
    const waitingOn = page.getByTestId('gate-waiting-on');
    await expect.poll(async () => waitingOn.textContent(), POLL).toContain('Bodil Styremedlem');
    expect(await waitingOn.textContent()).toContain('Gunn Styring');
    await screenshot(page, 'walk-1-submitted');
  });

  inBrowser('a board member reads the decision basis and the enthusiasts\' comments, and approves with conditions', async () => {
    const walked = await submittedToBoard(service, board, 'Digital søknad om praktisk bistand');
    await enthusiastSays(service, walked.id, 'Brukerne i sone nord vil gjerne teste først – vi stiller opp.');
    const { page } = await consoleAs(board.member);

    await visit(page, service.baseUrl, `/initiatives/${walked.id}/show/basis`, 'decision-basis');
    expect(await page.getByTestId('basis-submit-note').textContent()).toContain(FIRST_SUBMISSION_NOTE);
    expect(await page.getByTestId('basis-problem').textContent()).toContain(DECISION_BASIS.problem);
    expect((await page.getByTestId('basis-cost').textContent())?.replace(/\s/g, ' ')).toMatch(/850 000 kr.*120 000 kr/);
    await page.getByTestId('basis-governance').getByText(board.name).waitFor();
    await expectAccessible(page, 'walk-2-decision-basis');

    await visit(page, service.baseUrl, `/initiatives/${walked.id}/show/comments`, 'comments-goal-alignment');
    await page.getByText('Brukerne i sone nord vil gjerne teste først').waitFor();
    await expectAccessible(page, 'walk-2-comments');

    await page.getByTestId('decide-button').click();
    const dialog = page.getByTestId('decide-dialog');
    await dialog.getByRole('radio', { name: 'Godkjenn', exact: true }).check();
    await dialog.getByTestId('decide-comment').fill('Godkjent i porteføljestyret');
    await dialog.getByTestId('decide-conditions').fill('Risikovurdering av integrasjonen før pilot\nPilot i én sone før utrulling');
    await dialog.getByLabel(/^Frist for vilkårene/).fill(new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10));
    await expectAccessible(page, 'walk-2-decide-with-conditions');
    await dialog.getByTestId('decide-dialog-submit').click();

    await eventually('goal alignment to pass', async () => (await initiative(walked.id)).gate === 'owner-signoff');
    const decision = await models().Decision.findOne({ initiativeId: walked.id, gate: 'goal-alignment' }).lean();
    expect(decision?.byId).toBe(board.member);
    await visit(page, service.baseUrl, `/initiatives/${walked.id}/show/conditions`, 'initiative-conditions');
    await expect.poll(async () => page.locator('[data-testid="initiative-conditions"] tbody tr').count(), POLL).toBe(2);
    await page.getByText('Pilot i én sone før utrulling').waitFor();
    await expectAccessible(page, 'walk-2-conditions');
  });

  inBrowser("the service owner opens the emailed link and sees the decision basis, the comments, the checklist and the open conditions", async () => {
    const walked = await submittedToBoard(service, board, 'Digital søknad om støttekontakt');
    await boardApproves(service, board, walked.id, ['Avklar driftsavtalen med leverandøren']);
    // Comments are kept per gate; the owner's page shows those given at owner sign-off.
    await enthusiastSays(service, walked.id, 'Vi trenger opplæring for de ansatte før oppstart.');
    const projectManager = await service.as(service.town.projectManager);
    await projectManager.post(`/api/initiatives/${walked.id}/checklist`, { gate: 'owner-signoff', key: 'benefit-owner-named', status: 'done', comment: 'Tor eier gevinsten' });
    const [email] = await service.engine.mailbox.waitFor(
      await service.town.emailOf(service.town.owner),
      (e) => e.initiativeId === walked.id && e.kind === 'approval-request',
    );
    const { page } = await suite.newPage({ bypassCSP: true });

    await page.goto(`${service.baseUrl}${new URL(actionLinkIn(email)).pathname}`);
    const text = (await page.locator('body').textContent()) ?? '';
    for (const expected of [DECISION_BASIS.problem, 'Vi trenger opplæring for de ansatte før oppstart.', 'Gevinsteier er utpekt for hver gevinst', 'Avklar driftsavtalen med leverandøren']) {
      expect(text).toContain(expected);
    }
    await expectAccessible(page, 'walk-3-owner-link');
  });

  inBrowser('during implementation a change agent says their unit is ready, beside the other units\' answers', async () => {
    const walked = await inImplementation(service, board, 'Medisindispensere');
    const otherAgent = await service.as(service.town.changeAgent2);
    await otherAgent.post('/api/readiness', { initiativeId: walked.id, unit: 'Hjemmesykepleie', status: 'not-ready', note: 'Opplæring av nattevakter gjenstår' });
    const { page } = await consoleAs(service.town.changeAgent);

    await visit(page, service.baseUrl, `/initiatives/${walked.id}/show/readiness`, 'initiative-readiness');
    await page.getByTestId('readiness-button').click();
    await page.getByTestId('readiness-dialog').getByLabel(/^Enhet/).fill('Hjemmetjenesten sone nord');
    await page.getByTestId('readiness-note').fill('Alle har fått opplæring');
    await page.getByTestId('readiness-dialog-submit').click();

    await expect.poll(async () => page.getByTestId('readiness-summary').textContent(), POLL).toBe('1 av 2 enheter klare');
    await expectAccessible(page, 'walk-4-readiness');
  });

  inBrowser('after sign-off a changed target goes to the service owner, who accepts it in the console', async () => {
    const walked = await inImplementation(service, board, 'Digital byggesaksveiledning');
    const projectManager = await consoleAs(service.town.projectManager);

    await projectManager.page.goto(`${service.baseUrl}/#/benefits/${walked.benefitId}/edit`);
    await settled(projectManager.page);
    await projectManager.page.getByLabel(/^Målverdi/).fill('90');
    await projectManager.page.getByLabel(/^Begrunnelse for endringen/).fill('Piloten viser at 90 % er realistisk');
    await projectManager.page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await projectManager.page.getByTestId('pending-plan-changes').waitFor();
    const change = await eventually('the plan change', () => models().PlanChange.findOne({ benefitId: walked.benefitId, status: 'pending' }).lean());
    expect((await models().Benefit.findById(walked.benefitId).lean())!.target).toBe(80);
    await expectAccessible(projectManager.page, 'walk-5-plan-change-proposed');
    await projectManager.close();

    const { page } = await consoleAs(service.town.owner);
    await visit(page, service.baseUrl, `/initiatives/${walked.id}/show/benefits`, 'pending-plan-changes');
    await page.getByTestId(`plan-changes-${change._id}-approve-button`).click();
    await page.getByTestId(`plan-changes-${change._id}-approve-dialog-submit`).click();
    await eventually('the plan change to be accepted', async () => (await models().Benefit.findById(walked.benefitId).lean())!.target === 90);
    await page.reload();
    await page.getByTestId(`benefit-value-${walked.benefitId}`).getByText('Versjon 2').waitFor();
    expect(await page.getByTestId('pending-plan-changes').count()).toBe(0);
    await settled(page);
    await screenshot(page, 'walk-5-plan-change-accepted');
  });
});

describe('the governance pages', () => {
  const pages: [string, string, string][] = [
    ['boards', '/boards', 'governance-boards'],
    ['checklists', '/checklists/goal-alignment', 'governance-checklist-edit'],
    ['conditions', '/conditions', 'governance-conditions'],
    ['plan changes', '/plan-changes', 'governance-plan-changes'],
    ['reviews', '/reviews', 'governance-reviews'],
    ['comments', '/comments', 'governance-comments'],
    ['readiness', '/readiness', 'governance-readiness'],
  ];
  for (const [what, route, shot] of pages) {
    inBrowser(`the ${what} page has no serious or critical accessibility violations`, async () => {
      const { page } = await consoleAs(service.town.admin);
      await page.goto(`${service.baseUrl}/#${route}`);
      await page.locator('h1').first().waitFor();
      await page.locator('main table, main [role="status"], main form').first().waitFor();
      await expectAccessible(page, shot);
    });
  }

  inBrowser('a person with an absence and a deputy, on the person form', async () => {
    const { models: all } = service.engine.db;
    await all.Person.updateOne({ _id: service.town.governance }, { $set: { absences: [{ from: new Date('2026-07-01'), to: new Date('2026-07-31'), deputyId: board.member }] } });
    const { page } = await consoleAs(service.town.admin);
    await page.goto(`${service.baseUrl}/#/people/${service.town.governance}`);
    await page.getByLabel(/^Stedfortreder/).first().waitFor();
    await expect.poll(async () => page.getByLabel(/^Stedfortreder/).first().inputValue(), POLL).toBe('Bodil Styremedlem');
    await expectAccessible(page, 'governance-person-absence');
  });

  inBrowser('a workflow that cannot go on says why above the gates', async () => {
    const walked = await submittedToBoard(service, board, 'Digital søknad om BPA');
    // What the workflow records when a stored policy is one the calendar cannot follow.
    await models().Initiative.updateOne({ _id: walked.id }, { $set: { blockedReason: 'the goal-alignment policy remindAfter P0D is shorter than a working day' } });
    const { page } = await consoleAs(service.town.admin);
    await visit(page, service.baseUrl, `/initiatives/${walked.id}/show`, 'blocked-reason');
    expect(await page.getByTestId('blocked-reason').textContent()).toContain('remindAfter P0D');
    await expectAccessible(page, 'governance-blocked');
  });

  inBrowser('once a benefit is realised, its owner records how it was taken out', async () => {
    const walked = await inImplementation(service, board, 'Digital timebestilling');
    const { town } = service;
    const projectManager = await service.as(town.projectManager);
    await projectManager.post(`/api/initiatives/${walked.id}/decisions`, { gate: 'implementation', decision: 'approve', comment: 'Ferdig' });
    const owner = await service.as(town.owner);
    await owner.post(`/api/initiatives/${walked.id}/decisions`, { gate: 'implementation', step: 'confirmation', decision: 'approve', comment: 'I drift' });
    await eventually('benefit follow-up', async () => (await initiative(walked.id)).gate === 'benefit-realisation');
    await owner.post('/api/measurements', { benefitId: walked.benefitId, value: 82, measuredAt: new Date().toISOString().slice(0, 10), note: 'Fra fagsystemet' });
    await eventually('the benefit to be realised', async () => (await models().Benefit.findById(walked.benefitId).lean())?.realised);
    const { page } = await consoleAs(town.owner);

    await visit(page, service.baseUrl, `/benefits/${walked.benefitId}/show`, `harvest-${walked.benefitId}-button`);
    await page.getByTestId(`harvest-${walked.benefitId}-button`).click();
    const dialog = page.getByTestId(`harvest-${walked.benefitId}-dialog`);
    await dialog.getByRole('radio', { name: 'Kapasitet brukt til annet', exact: true }).check();
    await dialog.getByTestId(`harvest-${walked.benefitId}-note`).fill('To saksbehandlere tar nå klagesaker');
    await expectAccessible(page, 'governance-harvest-dialog');
    await dialog.getByTestId(`harvest-${walked.benefitId}-dialog-submit`).click();

    await page.getByTestId(`benefit-harvest-${walked.benefitId}`).waitFor();
    expect((await models().Benefit.findById(walked.benefitId).lean())!.harvest?.how).toBe('capacity-redeployed');
  });

  inBrowser("the service owner opens the owner sign-off checklist of an initiative they are asked to sign off", async () => {
    const walked = await submittedToBoard(service, board, 'Digital søknad om omsorgslønn');
    await boardApproves(service, board, walked.id, ['Avklar personvern med personvernombudet']);
    await checklistDone(service, walked.id, 'owner-signoff');
    const { page } = await consoleAs(service.town.owner);
    await visit(page, service.baseUrl, `/initiatives/${walked.id}/show/checklist`, 'checklist-owner-signoff');
    await expectAccessible(page, 'governance-initiative-checklist');
  });
});

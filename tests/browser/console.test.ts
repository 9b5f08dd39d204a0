// The console in a real browser against the real stack: administrators handle stalled work,
// governance decides gates, project managers report measurements, and the language can change.
import { beforeAll, describe, expect } from 'vitest';
import type { TestService } from '../helpers/app.js';
import {
  eventually,
  signIn,
  visit,
  waitForCount,
  type WatchedPage,
} from '../helpers/browser.js';
import { browserSuite } from './suite.js';
import { atGoalAlignment, inBenefitRealisation, stalledAtGoalAlignment } from './scenarios.js';

const suite = browserSuite('tests/browser/console.test.ts', ['chromium', 'console']);
const { inBrowser } = suite;

let service: TestService;

beforeAll(async () => {
  const started = await suite.start();
  if (!started) return;
  service = started;
});

const models = () => service.engine.db.models;

/** A fresh browser context signed in as `personId`; closed after the test. */
async function consoleAs(personId: string) {
  const watched = await suite.newPage();
  await signIn(watched.page, service.baseUrl, await service.town.emailOf(personId));
  return watched;
}

/** Nothing blew up in the page and the CSP refused nothing the console tried to load. */
function expectCleanPage({ pageErrors, cspViolations }: WatchedPage) {
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  expect(cspViolations, 'Content-Security-Policy refusals').toEqual([]);
}


describe('the console in a browser', () => {
  inBrowser("shows a stalled initiative on the dashboard, and an administrator's nudge with a reason is audited and emails a reminder", async () => {
    const { id, title } = await stalledAtGoalAlignment(service);
    const reason = `Purret etter styremøtet ${id.slice(-6)}`;
    const watched = await consoleAs(service.town.admin);
    const { page } = watched;

    await page.getByTestId('dashboard-stalled').getByTestId(`stalled-row-${id}`).waitFor();
    await page.getByTestId('menu-stalled').click();
    const row = page.getByTestId('stalled-list').locator('tr', { hasText: title });
    await row.getByTestId('admin-action-nudge').click();
    const dialog = page.getByTestId('admin-action-dialog');
    await dialog.getByTestId('admin-action-reason').fill(reason);
    await dialog.getByTestId('admin-action-dialog-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const audit = await eventually('the admin.nudge audit entry', () => models().Audit.findOne({ initiativeId: id, action: 'admin.nudge' }).lean());
    expect(audit).toMatchObject({ actorId: service.town.admin, channel: 'console', details: { gate: 'goal-alignment', reason } });
    const sent = await eventually('the nudge email to be sent', () =>
      models().Email.findOne({ initiativeId: id, idempotencyKey: { $regex: ':nudge-1:' }, status: 'sent' }).lean(),
    );
    expect(sent).toMatchObject({ kind: 'reminder', to: await service.town.emailOf(service.town.governance) });
    const caught = await service.engine.mailbox.waitFor(sent.to, (e) => e.initiativeId === id && headerOf(e.headers, 'message-id') === sent.messageId);
    expect(caught[0].kind).toBe('reminder');
    expectCleanPage(watched);
  });

  inBrowser('moves the stepper and the read model to the next gate when governance approves in the decide dialog', async () => {
    const { id, title } = await atGoalAlignment(service);
    const comment = `Støtter målet om digitale tjenester ${id.slice(-6)}`;
    const watched = await consoleAs(service.town.governance);
    const { page } = watched;
    await visit(page, service.baseUrl, '/initiatives', 'list-search');
    await page.getByTestId('list-search').fill(title);
    // The list re-renders when the search is applied; click only once it shows just this row.
    await page.waitForFunction((t) => {
      const rows = [...document.querySelectorAll('tbody tr')];
      return rows.length === 1 && rows[0].textContent?.includes(t);
    }, title, { timeout: 30_000 });
    await page.locator('tbody tr', { hasText: title }).getByRole('link', { name: title }).click();
    await page.waitForURL((url) => url.href.includes(`/initiatives/${id}/show`), { timeout: 30_000 });
    await page.locator('[data-testid="gate-step-goal-alignment"][data-state="current"]').waitFor();

    await page.getByTestId('decide-button').click();
    const dialog = page.getByTestId('decide-dialog');
    await dialog.getByRole('radio', { name: 'Godkjenn', exact: true }).check();
    await dialog.getByTestId('decide-comment').fill(comment);
    await dialog.getByTestId('decide-dialog-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    await page.locator('[data-testid="gate-step-goal-alignment"][data-state="completed"]').waitFor();
    await page.locator('[data-testid="gate-step-owner-signoff"][data-state="current"]').waitFor();
    const initiative = await eventually('the read model at owner sign-off', async () => {
      const doc = await models().Initiative.findById(id).lean();
      return doc?.gate === 'owner-signoff' && doc;
    });
    expect(initiative).toMatchObject({ status: 'active', gateStep: 'decision' });
    const decisions = await models().Decision.find({ initiativeId: id }).lean();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ gate: 'goal-alignment', decision: 'approve', channel: 'console', byId: service.town.governance, comment });
    expectCleanPage(watched);
  });

  inBrowser('plots a measurement the project manager adds in the console and stores it', async () => {
    const { id, benefitId } = await inBenefitRealisation(service, 'Digital matombringing');
    const projectManager = await service.as(service.town.projectManager);
    const today = new Date().toISOString().slice(0, 10);
    const seeded = await projectManager.post('/api/measurements', { benefitId, value: 20, measuredAt: today, note: 'Første måling' });
    expect(seeded.status).toBe(201);
    const watched = await consoleAs(service.town.projectManager);
    const { page } = watched;
    const chart = `[data-testid="benefit-chart-${benefitId}"]`;
    await visit(page, service.baseUrl, `/initiatives/${id}/show/benefits`, `benefit-chart-${benefitId}`);
    await waitForCount(page, `${chart} .recharts-line-dot`, 1);
    await waitForCount(page, `${chart} details tbody tr`, 1);
    const note = `Telling fra fagsystemet ${id.slice(-6)}`;

    await page.getByTestId(`add-measurement-${benefitId}`).click();
    const dialog = page.getByTestId('measurement-dialog');
    await dialog.getByTestId('measurement-value').fill('35');
    await dialog.getByTestId('measurement-date').fill(today);
    await dialog.getByTestId('measurement-note').fill(note);
    await dialog.getByTestId('measurement-dialog-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    await waitForCount(page, `${chart} .recharts-line-dot`, 2);
    await waitForCount(page, `${chart} details tbody tr`, 2);
    const stored = await eventually('the measurement in the database', () => models().Measurement.findOne({ benefitId, note }).lean());
    expect(stored).toMatchObject({ value: 35, initiativeId: id, channel: 'console', reportedById: service.town.projectManager });
    expect(stored.measuredAt.toISOString().slice(0, 10)).toBe(today);
    expect(await models().Measurement.countDocuments({ benefitId })).toBe(2);
    expectCleanPage(watched);
  });

  inBrowser('switches to English: <html lang="en"> and English labels, kept after a reload', async () => {
    const watched = await consoleAs(service.town.admin);
    const { page } = watched;
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
    expect(await page.getByTestId('menu-stalled').innerText()).toContain('Stansede');

    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-option-en').click();

    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await page.getByRole('heading', { level: 2, name: 'Stalled initiatives' }).waitFor();
    expect(await page.getByTestId('menu-stalled').innerText()).toContain('Stalled');
    expect(await page.locator('h1').first().innerText()).toBe('Dashboard');
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByTestId('language-switch').getAttribute('aria-label')).toBe('Language: English');
    expectCleanPage(watched);
  });
});

function headerOf(headers: Record<string, string[]>, name: string): string | undefined {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry?.[1]?.[0];
}

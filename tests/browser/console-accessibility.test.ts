// WCAG 2.1 A/AA with axe-core in Chromium over the console's main pages, signed in as the
// administrator (who sees every action); each page is photographed into tests/artifacts/screenshots/.
import { beforeAll, describe } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestService } from '../helpers/app.js';
import { expectAccessible, signIn, waitForCount } from '../helpers/browser.js';
import { browserSuite } from './suite.js';
import { inBenefitRealisation, stalledAtGoalAlignment, type Arranged } from './scenarios.js';

let service: TestService;
let stalled: Arranged;
let followed: Arranged & { benefitId: string };

const suite = browserSuite('tests/browser/console-accessibility.test.ts', ['chromium', 'console']);
const { inBrowser } = suite;

beforeAll(async () => {
  const started = await suite.start();
  if (!started) return;
  service = started;
  // Every page shows something: one initiative in follow-up with two measurements, and a stalled
  // one (arranged second, as it briefly shortens the goal-alignment policy the first would read).
  followed = await inBenefitRealisation(service, 'Digital søknad om parkeringstillatelse');
  stalled = await stalledAtGoalAlignment(service, 'Stanset digital postmottak');
  const projectManager = await service.as(service.town.projectManager);
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  for (const [value, measuredAt] of [[25, daysAgo(30)], [40, daysAgo(0)]] as const) {
    const response = await projectManager.post('/api/measurements', { benefitId: followed.benefitId, value, measuredAt, note: 'Fra fagsystemet' });
    if (response.status !== 201) throw new Error(`seeding a measurement failed: ${response.status} ${response.text}`);
  }
});

/** A fresh page where axe can be injected (CSP bypassed), signed in as the administrator. */
async function adminPage(): Promise<Page> {
  const { page } = await suite.newPage({ bypassCSP: true });
  await signIn(page, service.baseUrl, await service.town.emailOf(service.town.admin));
  return page;
}

const go = (page: Page, route: string) => page.goto(`${service.baseUrl}/#${route}`);

interface ConsolePage {
  title: string;
  /** File name of its screenshot. */
  shot: string;
  /** Opens the page and waits until its content is there. */
  open(page: Page): Promise<void>;
}

const consolePages: ConsolePage[] = [
  {
    title: 'the dashboard',
    shot: 'console-dashboard',
    open: async (page) => {
      await go(page, '/');
      await page.getByTestId(`stalled-row-${stalled.id}`).waitFor();
    },
  },
  {
    title: 'the initiative list',
    shot: 'console-initiatives',
    open: async (page) => {
      await go(page, '/initiatives');
      await page.locator('tbody tr', { hasText: followed.title }).waitFor();
    },
  },
  {
    title: "an initiative's overview with the gate stepper",
    shot: 'console-initiative-show',
    open: async (page) => {
      await go(page, `/initiatives/${followed.id}/show`);
      await page.locator('[data-testid="gate-step-benefit-realisation"][data-state="current"]').waitFor();
    },
  },
  {
    title: "an initiative's benefits tab with its chart",
    shot: 'console-initiative-benefits',
    open: async (page) => {
      await go(page, `/initiatives/${followed.id}/show/benefits`);
      await waitForCount(page, `[data-testid="benefit-chart-${followed.benefitId}"] .recharts-line-dot`, 2);
    },
  },
  {
    title: "an initiative's history",
    shot: 'console-initiative-history',
    open: async (page) => {
      await go(page, `/initiatives/${followed.id}/show/history`);
      await page.getByTestId('initiative-timeline').waitFor();
    },
  },
  {
    title: 'the initiative edit form with fields locked at the current gate',
    shot: 'console-initiative-edit-locked',
    open: async (page) => {
      await go(page, `/initiatives/${followed.id}/edit`);
      await page.getByText('Godkjent ved målforankring', { exact: false }).waitFor();
    },
  },
  {
    title: 'the decide dialog',
    shot: 'console-decide-dialog',
    open: async (page) => {
      await go(page, `/initiatives/${stalled.id}/show`);
      await page.getByTestId('decide-button').click();
      await page.getByTestId('decide-dialog').getByTestId('decide-comment').waitFor();
    },
  },
  {
    title: 'the stalled list',
    shot: 'console-stalled',
    open: async (page) => {
      await go(page, '/stalled');
      await page.getByTestId('stalled-list').locator('tbody tr', { hasText: stalled.title }).waitFor();
    },
  },
  {
    title: 'the benefit list',
    shot: 'console-benefits',
    open: async (page) => {
      await go(page, '/benefits');
      await page.locator('tbody tr').first().waitFor();
    },
  },
];

describe('accessibility of the console (axe-core, WCAG 2.1 A/AA)', () => {
  inBrowser('the login page has no serious or critical violations', async () => {
    const { page } = await suite.newPage({ bypassCSP: true });
    await page.goto(`${service.baseUrl}/#/login`);
    await page.locator('input[type=password]').waitFor();

    await expectAccessible(page, 'console-login');
  });

  for (const { title, shot, open } of consolePages) {
    inBrowser(`${title} has no serious or critical violations`, async () => {
      const page = await adminPage();
      await open(page);

      await expectAccessible(page, shot);
    });
  }
});

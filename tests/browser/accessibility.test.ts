// WCAG 2.1 A/AA with axe-core in Chromium over the console's main pages and the pages behind
// emailed action links; each page is also photographed into tests/artifacts/screenshots/.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startService, type TestService } from '../helpers/app.js';
import { calmPolicies } from '../helpers/fixtures.js';
import {
  NO_CHROMIUM,
  auditAccessibility,
  describeFindings,
  hasChromium,
  isSerious,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  waitForCount,
  type WatchedPage,
} from '../helpers/browser.js';
import { awaitingMeasurement, awaitingOwnerSignoff, inBenefitRealisation, stalledAtGoalAlignment, type Arranged } from './scenarios.js';

let service: TestService;
let browser: Browser;
let opened: WatchedPage | undefined;
let stalled: Arranged;
let followed: Arranged & { benefitId: string };
let decisionForm: Arranged & { link: string };
let decisionToSubmit: Arranged & { link: string };
let usedLink: Arranged & { link: string };
let measurementForm: Arranged & { link: string };

const inBrowser = it.skipIf(!hasChromium);
if (!hasChromium) console.warn(`tests/browser/accessibility.test.ts skipped: ${NO_CHROMIUM}`);

beforeAll(async () => {
  if (!hasChromium) return;
  [service, browser] = await Promise.all([startService(), launchBrowser()]);
  await calmPolicies(service.engine.db.models);
  // The stalled one first: it briefly changes the goal-alignment policy the others would read.
  stalled = await stalledAtGoalAlignment(service, 'Stanset digital postmottak');
  [followed, decisionForm, decisionToSubmit, usedLink, measurementForm] = await Promise.all([
    inBenefitRealisation(service, 'Digital søknad om parkeringstillatelse'),
    awaitingOwnerSignoff(service, 'Digital søknad om skoleskyss'),
    awaitingOwnerSignoff(service, 'Digital melding om flytting'),
    awaitingOwnerSignoff(service, 'Digital bestilling av renovasjon'),
    awaitingMeasurement(service, 'Digitalt vannmålerkort'),
  ]);
  const projectManager = await service.as(service.town.projectManager);
  for (const [value, measuredAt] of [[25, '2026-02-01'], [40, new Date().toISOString().slice(0, 10)]] as const) {
    const response = await projectManager.post('/api/measurements', { benefitId: followed.benefitId, value, measuredAt, note: 'Fra fagsystemet' });
    if (response.status !== 201) throw new Error(`seeding a measurement failed: ${response.status} ${response.text}`);
  }
}, 120_000);
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

/** A fresh page where axe can be injected; signed in as the administrator unless `anonymous`. */
async function freshPage({ anonymous = false } = {}): Promise<Page> {
  opened = await openPage(browser, { bypassCSP: true });
  if (!anonymous) await signIn(opened.page, service.baseUrl, await service.town.emailOf(service.town.admin));
  return opened.page;
}

/**
 * Spinners gone and CSS transitions (dialogs fading in) ended: otherwise axe audits a half-loaded
 * page or measures the contrast of half-transparent text.
 */
async function settled(page: Page) {
  await page.waitForFunction(
    () => !document.querySelector('[role="progressbar"]') && document.getAnimations().every((a) => a.playState !== 'running'),
  );
}

/** Photographs the page, then fails on serious or critical findings and logs the rest. */
async function expectAccessible(page: Page, name: string) {
  await settled(page);
  await screenshot(page, name);
  expect(await page.locator('h1').count(), `${name} has an <h1>`).toBeGreaterThan(0);
  expect(await page.getAttribute('html', 'lang'), `${name} says its language`).toMatch(/^(nb|en)$/);
  const findings = await auditAccessibility(page);
  const minor = findings.filter((f) => !isSerious(f));
  if (minor.length) console.info(`[axe] ${name}: ${minor.length} minor/moderate finding(s)\n${describeFindings(minor)}`);
  expect(findings.filter(isSerious), describeFindings(findings.filter(isSerious))).toEqual([]);
}

interface ConsolePage {
  name: string;
  open(page: Page): Promise<void>;
}

const go = (page: Page, route: string) => page.goto(`${service.baseUrl}/#${route}`);

const consolePages: ConsolePage[] = [
  {
    name: 'console-dashboard',
    open: async (page) => {
      await go(page, '/');
      await page.getByTestId(`stalled-row-${stalled.id}`).waitFor();
    },
  },
  {
    name: 'console-initiatives',
    open: async (page) => {
      await go(page, '/initiatives');
      await page.locator('tbody tr', { hasText: followed.title }).waitFor();
    },
  },
  {
    name: 'console-initiative-show',
    open: async (page) => {
      await go(page, `/initiatives/${followed.id}/show`);
      await page.locator('[data-testid="gate-step-benefit-realisation"][data-state="current"]').waitFor();
    },
  },
  {
    name: 'console-initiative-benefits',
    open: async (page) => {
      await go(page, `/initiatives/${followed.id}/show/benefits`);
      await waitForCount(page, `[data-testid="benefit-chart-${followed.benefitId}"] .recharts-line-dot`, 2);
    },
  },
  {
    name: 'console-initiative-history',
    open: async (page) => {
      await go(page, `/initiatives/${followed.id}/show/history`);
      await page.getByTestId('initiative-timeline').waitFor();
    },
  },
  {
    name: 'console-decide-dialog',
    open: async (page) => {
      await go(page, `/initiatives/${stalled.id}/show`);
      await page.getByTestId('decide-button').click();
      await page.getByTestId('decide-dialog').getByTestId('decide-comment').waitFor();
    },
  },
  {
    name: 'console-stalled',
    open: async (page) => {
      await go(page, '/stalled');
      await page.getByTestId('stalled-list').locator('tbody tr', { hasText: stalled.title }).waitFor();
    },
  },
  {
    name: 'console-benefits',
    open: async (page) => {
      await go(page, '/benefits');
      await page.locator('tbody tr').first().waitFor();
    },
  },
];

describe('accessibility of the console (axe-core, WCAG 2.1 A/AA)', () => {
  inBrowser('the login page has no serious or critical violations', async () => {
    const page = await freshPage({ anonymous: true });
    await page.goto(`${service.baseUrl}/#/login`);
    await page.locator('input[type=password]').waitFor();

    await expectAccessible(page, 'console-login');
  });

  inBrowser.each(consolePages)('$name has no serious or critical violations', async ({ name, open }) => {
    const page = await freshPage();
    await open(page);

    await expectAccessible(page, name);
  });
});

describe('accessibility of the pages behind emailed action links', () => {
  const openLink = async (path: string) => {
    const page = await freshPage({ anonymous: true });
    const response = await page.goto(`${service.baseUrl}${path}`);
    return { page, status: response?.status() };
  };

  inBrowser('the decision form has no serious or critical violations', async () => {
    const { page, status } = await openLink(decisionForm.link);

    expect(status).toBe(200);
    await expectAccessible(page, 'action-decision-form');
  });

  inBrowser('the page confirming a decision made with the form has no serious or critical violations', async () => {
    const { page } = await openLink(decisionToSubmit.link);
    await page.getByRole('radio', { name: 'Godkjenn' }).check();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(decisionToSubmit.link)),
      page.getByRole('button', { name: 'Send beslutningen' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Takk – beslutningen er registrert' }).waitFor();

    expect(response.status()).toBe(200);
    expect((await service.engine.db.models.Initiative.findById(decisionToSubmit.id).lean())!.gate).toBe('implementation');
    await expectAccessible(page, 'action-decision-recorded');
  });

  inBrowser('the measurement form has no serious or critical violations', async () => {
    const { page, status } = await openLink(measurementForm.link);

    expect(status).toBe(200);
    await page.locator('input[name="value"]').waitFor();
    await expectAccessible(page, 'action-measurement-form');
  });

  inBrowser('the 410 page for a link already used has no serious or critical violations', async () => {
    const spent = await fetch(`${service.baseUrl}${usedLink.link}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ decision: 'approve' }).toString(),
    });
    expect(spent.status).toBe(200);

    const { page, status } = await openLink(usedLink.link);

    expect(status).toBe(410);
    await expectAccessible(page, 'action-410-used');
  });

  inBrowser('the 404 page for an unknown link has no serious or critical violations', async () => {
    const { page, status } = await openLink(`/actions/${randomBytes(22).toString('base64url')}`);

    expect(status).toBe(404);
    await expectAccessible(page, 'action-404-unknown');
  });
});

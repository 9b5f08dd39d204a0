// The IT department's asks in a real browser: single sign-on through a real OpenID provider on
// loopback, and webhooks with their deliveries in the console.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { calmPolicies } from '../helpers/fixtures.js';
import { NO_CHROMIUM, eventually, hasChromium, launchBrowser, openPage, screenshot, signIn, type WatchedPage } from '../helpers/browser.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { startServiceWithSso, type SsoSetup } from '../helpers/sso.js';

const consoleBuilt = existsSync(fileURLToPath(new URL('../../admin/dist/index.html', import.meta.url)));
const missing = [!hasChromium && NO_CHROMIUM, !consoleBuilt && 'admin/dist is missing: build the console (npm test does so)'].filter(Boolean);
if (missing.length && process.env.CI === 'true') throw new Error(`tests/browser/integrations.test.ts cannot run in CI: ${missing.join('; ')}`);
if (missing.length) console.warn(`tests/browser/integrations.test.ts skipped: ${missing.join('; ')}`);
const inBrowser = missing.length ? it.skip : it;

let sso: SsoSetup;
let browser: Browser;
let receiver: Receiver;
let opened: WatchedPage | undefined;

beforeAll(async () => {
  if (missing.length) return;
  [sso, browser, receiver] = await Promise.all([startServiceWithSso(), launchBrowser(), startReceiver()]);
  await calmPolicies(sso.service.engine.db.models);
});
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await sso?.stop();
});

async function newPage() {
  opened = await openPage(browser);
  return opened;
}

function expectClean({ pageErrors, cspViolations }: WatchedPage) {
  expect(pageErrors).toEqual([]);
  expect(cspViolations).toEqual([]);
}

describe('single sign-on in the browser', () => {
  inBrowser('logs a project manager in through the municipality’s sign-in page and lands on the dashboard', async () => {
    const { town } = sso.service;
    sso.provider.accounts.set('per.prosjektleder', { login: 'per.prosjektleder', claims: { preferred_username: await town.emailOf(town.projectManager), name: 'Per Prosjektleder' } });
    const watched = await newPage();
    const { page } = watched;

    await page.goto(`${sso.service.baseUrl}/#/login`);
    await page.getByRole('link', { name: 'Logg inn med kommunekontoen din' }).click();
    await page.getByLabel('Username').fill('per.prosjektleder');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByTestId('dashboard').waitFor();
    expect(page.url()).toBe(`${sso.service.baseUrl}/#/`);
    expect(sso.provider.signIns).toContain('per.prosjektleder');
    await expect(page.getByText('Per Prosjektleder').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'sso-dashboard');
    expectClean(watched);
  });

  inBrowser('shows a person without an account a page that says so, with a way back', async () => {
    sso.provider.accounts.set('ukjent', { login: 'ukjent', claims: { email: `ukjent.${sso.service.town.tag}@kommune.test`, email_verified: true } });
    const watched = await newPage();
    const { page } = watched;

    await page.goto(`${sso.service.baseUrl}/#/login`);
    await page.getByTestId('sso-login').click();
    await page.getByLabel('Username').fill('ukjent');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Du har ingen konto i Endringsporten' }).waitFor();
    await screenshot(page, 'sso-unknown-person');
    await page.getByRole('link', { name: 'Tilbake til innloggingen' }).click();
    await page.getByTestId('sso-login').waitFor();
    expectClean(watched);
  });
});

describe('webhooks in the console', () => {
  inBrowser('an administrator registers a webhook, sends a test and sees the delivery with its status and attempts', async () => {
    const watched = await newPage();
    const { page } = watched;
    await signIn(page, sso.service.baseUrl, await sso.service.town.emailOf(sso.service.town.admin));

    await page.goto(`${sso.service.baseUrl}/#/webhooks/create`);
    await page.getByLabel('Navn').fill('Sakssystemet');
    await page.getByLabel('Adresse (URL)').fill(`${receiver.url}/sak`);
    await page.getByLabel('CloudEvents JSON (for fagsystemer)').check();
    await page.getByLabel('Port avgjort').check();
    await page.getByLabel('Hemmelighet').fill('en-delt-hemmelighet-for-test');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByTestId('webhook-test').waitFor();
    await page.getByTestId('webhook-test').click();

    await receiver.waitFor((r) => r.path === '/sak');
    await eventually('the delivery row', async () => {
      await page.reload();
      await page.getByText('Siste leveranser').waitFor();
      await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'));
      return (await page.getByRole('row').filter({ hasText: 'Levert' }).count()) > 0;
    });
    await expect(page.getByRole('row').filter({ hasText: 'Levert' }).first().textContent()).resolves.toContain('Port avgjort');
    await screenshot(page, 'webhook-deliveries');
    const stored = await sso.service.engine.db.models.Webhook.findOne({ name: 'Sakssystemet' }).lean();
    expect(stored!.secret).toBe('en-delt-hemmelighet-for-test');
    await expect(page.content()).resolves.not.toContain('en-delt-hemmelighet-for-test');
    expectClean(watched);
  });
});

describe('the API reference in the browser', () => {
  inBrowser('renders every operation from our own bundle under the Content-Security-Policy, asking no other host', async () => {
    const watched = await newPage();
    const { page } = watched;
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));

    await page.goto(`${sso.service.baseUrl}/api/docs`);
    await page.locator('.opblock').first().waitFor();

    const doc = await (await fetch(`${sso.service.baseUrl}/api/openapi.json`)).json();
    const operations = Object.values(doc.paths).flatMap((methods) => Object.keys(methods as object));
    await expect(page.locator('.opblock').count()).resolves.toBe(operations.length);
    expect([...hosts].filter((host) => host !== new URL(sso.service.baseUrl).host)).toEqual([]);
    await screenshot(page, 'api-reference');
    expectClean(watched);
  });
});

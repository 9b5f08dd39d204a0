// WCAG 2.1 A/AA with axe-core in Chromium over the pages behind emailed action links, opened the
// way a service owner opens them (no console login); each is photographed too.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestService } from '../helpers/app.js';
import { expectAccessible } from '../helpers/browser.js';
import { browserSuite } from './suite.js';
import { awaitingMeasurement, awaitingOwnerSignoff, type Arranged } from './scenarios.js';

type WithLink = Arranged & { link: string };

let service: TestService;
let decisionForm: WithLink;
let decisionToSubmit: WithLink;
let usedLink: WithLink;
let measurementForm: WithLink;

const suite = browserSuite('tests/browser/action-pages-accessibility.test.ts', ['chromium']);
const { inBrowser } = suite;

beforeAll(async () => {
  const started = await suite.start();
  if (!started) return;
  service = started;
  [decisionForm, decisionToSubmit, usedLink, measurementForm] = await Promise.all([
    awaitingOwnerSignoff(service, 'Digital søknad om skoleskyss'),
    awaitingOwnerSignoff(service, 'Digital melding om flytting'),
    awaitingOwnerSignoff(service, 'Digital bestilling av renovasjon'),
    awaitingMeasurement(service, 'Digitalt vannmålerkort'),
  ]);
});

/** Opens an action-link path in a fresh page where axe can be injected (CSP bypassed). */
async function openLink(path: string): Promise<{ page: Page; status: number | undefined }> {
  const { page } = await suite.newPage({ bypassCSP: true });
  const response = await page.goto(`${service.baseUrl}${path}`);
  return { page, status: response?.status() };
}

describe('accessibility of the pages behind emailed action links (axe-core, WCAG 2.1 A/AA)', () => {
  inBrowser('the decision form has no serious or critical violations', async () => {
    const { page, status } = await openLink(decisionForm.link);

    expect(status).toBe(200);
    await expectAccessible(page, 'action-decision-form');
  });

  inBrowser('the page confirming a decision sent with the form has no serious or critical violations', async () => {
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

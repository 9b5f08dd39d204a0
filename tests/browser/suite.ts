// What every browser suite shares: what it needs before it can say anything (Chromium, and for
// the console the built admin/dist), the service and browser it runs against, and a fresh page
// per test. On a developer's machine a suite without its needs is skipped with the reason; in CI
// (CI=true) it fails instead, so a green run never hides suites that did not run.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, it } from 'vitest';
import { startService, type TestService } from '../helpers/app.js';
import { NO_CHROMIUM, hasChromium, launchBrowser, openPage, type PageOptions, type WatchedPage } from '../helpers/browser.js';
import { calmPolicies } from '../helpers/fixtures.js';

const CONSOLE_BUILD = fileURLToPath(new URL('../../admin/dist/index.html', import.meta.url));

export type Requirement = 'chromium' | 'console';

function missing(requirements: readonly Requirement[]): string[] {
  const reasons: string[] = [];
  if (requirements.includes('chromium') && !hasChromium) reasons.push(NO_CHROMIUM);
  if (requirements.includes('console') && !existsSync(CONSOLE_BUILD)) {
    reasons.push(`${CONSOLE_BUILD} is missing: build the console with "npx vite build --config admin/vite.config.ts" (npm test does so)`);
  }
  return reasons;
}

const inCI = process.env.CI === 'true';

export function browserSuite(file: string, requirements: readonly Requirement[]) {
  const reasons = missing(requirements);
  const skipped = reasons.length > 0 && !inCI;
  if (skipped) console.warn(`${file} skipped: ${reasons.join('; ')}`);
  const live: { service?: TestService; browser?: Browser; opened?: WatchedPage } = {};
  afterEach(async () => {
    await live.opened?.close();
    live.opened = undefined;
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.service?.stop();
  });
  return {
    inBrowser: skipped ? it.skip : it,
    /**
     * For the suite's beforeAll: the service (with calm policies) and the browser; null when the
     * suite is skipped, and an error failing every test when CI lacks what the suite needs.
     */
    async start(): Promise<TestService | null> {
      if (reasons.length && inCI) throw new Error(`${file} cannot run in CI: ${reasons.join('; ')}`);
      if (skipped) return null;
      [live.service, live.browser] = await Promise.all([startService(), launchBrowser()]);
      await calmPolicies(live.service.engine.db.models);
      return live.service;
    },
    /** A fresh page in its own context, closed after the test. */
    async newPage(options?: PageOptions): Promise<WatchedPage> {
      live.opened = await openPage(live.browser!, options);
      return live.opened;
    },
  };
}

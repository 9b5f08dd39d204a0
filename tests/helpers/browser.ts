// The console in a real Chromium (Debian's, driven by playwright-core): sign in through the login
// page, wait on conditions instead of sleeping, audit pages with axe-core, keep screenshots.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM } from '../../stack/browser.js';
import { TEST_PASSWORD } from './app.js';

export { CHROMIUM };
export const hasChromium = existsSync(CHROMIUM);
/** Why the browser tests are skipped on a machine without Chromium. */
export const NO_CHROMIUM = `${CHROMIUM} is missing: install Debian's "chromium" package (npm test does so when run as root)`;

/** The longest a test waits for any one condition. */
export const WAIT_MS = 30_000;

const SCREENSHOTS = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page plus what went wrong in it: uncaught exceptions and Content-Security-Policy refusals. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  cspViolations: string[];
  close(): Promise<void>;
}

export interface PageOptions {
  /**
   * axe-core is injected as an inline script, which the app's CSP (script-src 'self') refuses;
   * accessibility audits therefore run in a context that bypasses CSP. Behaviour tests keep it on.
   */
  bypassCSP?: boolean;
}

export async function openPage(browser: Browser, { bypassCSP = false }: PageOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo', bypassCSP });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return { context, page, pageErrors, cspViolations, close: () => context.close() };
}

/** Signs in on the console's login page as a person of the test municipality; ends on the dashboard. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel(/^(E-post|Email)/).fill(email);
  await page.locator('input[type=password]').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: /^(Logg inn|Sign in)$/ }).click();
  await page.getByTestId('dashboard').waitFor();
}

/** Opens a console route (the part after `#`) and waits until `testId` is on the page. */
export async function visit(page: Page, baseUrl: string, route: string, testId: string): Promise<void> {
  await page.goto(`${baseUrl}/#${route}`);
  await page.getByTestId(testId).first().waitFor();
}

/** Waits until `selector` matches exactly `count` elements. */
export async function waitForCount(page: Page, selector: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([css, expected]) => document.querySelectorAll(css as string).length === expected,
    [selector, count] as const,
    { timeout: WAIT_MS },
  );
}

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Spinners gone and CSS transitions (dialogs fading in) ended: otherwise axe audits a half-loaded
 * page or measures the contrast of half-transparent text.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('[role="progressbar"]') && document.getAnimations().every((a) => a.playState !== 'running'),
    undefined,
    { timeout: WAIT_MS },
  );
}

/**
 * Photographs the settled page as `<name>.png`, checks it has an <h1> and says its language, then
 * fails on serious or critical axe findings and logs the minor and moderate ones.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, name);
  expect(await page.locator('h1').count(), `${name} has an <h1>`).toBeGreaterThan(0);
  expect(await page.getAttribute('html', 'lang'), `${name} says its language`).toMatch(/^(nb|en)$/);
  const findings = await auditAccessibility(page);
  const minor = findings.filter((f) => !isSerious(f));
  if (minor.length) console.info(`[axe] ${name}: ${minor.length} minor/moderate finding(s)\n${describeFindings(minor)}`);
  const serious = findings.filter(isSerious);
  expect(serious, `${name}:\n${describeFindings(serious)}`).toEqual([]);
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the page; returns every violation. */
export async function auditAccessibility(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<any> } }).axe;
    const result = await axe.run(document, { runOnly: tags });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n: any) => n.target.join(' ')),
    }));
  }, WCAG_TAGS);
}

export const isSerious = (finding: AxeFinding) => finding.impact === 'serious' || finding.impact === 'critical';

export const describeFindings = (findings: AxeFinding[]) =>
  findings.map((f) => `${f.impact}: ${f.id} – ${f.help} [${f.targets.join(' | ')}]`).join('\n');

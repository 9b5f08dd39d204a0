// What a browser suite needs before it can say anything: Chromium, and for the console the built
// admin/dist. On a developer's machine a suite without them is skipped with the reason; in CI
// (CI=true) it fails instead, so a green run never hides suites that did not run.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { NO_CHROMIUM, hasChromium } from '../helpers/browser.js';

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

export const inCI = process.env.CI === 'true';

/**
 * The `it` of a browser suite, and `ready()` for its beforeAll: true when the suite can run,
 * false when it is skipped, and a thrown error (failing every test) when CI lacks what it needs.
 */
export function browserSuite(file: string, requirements: readonly Requirement[]) {
  const reasons = missing(requirements);
  if (reasons.length && !inCI) console.warn(`${file} skipped: ${reasons.join('; ')}`);
  return {
    inBrowser: reasons.length && !inCI ? it.skip : it,
    ready(): boolean {
      if (reasons.length && inCI) throw new Error(`${file} cannot run in CI: ${reasons.join('; ')}`);
      return reasons.length === 0;
    },
  };
}

// Browser tests drive Debian's Chromium with playwright-core; install it when it is missing and
// this is a Debian machine where we may (CI runs as root).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureBrowser(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.warn(`[setup] ${CHROMIUM} not found: browser tests will be skipped (install Debian's "chromium" package to run them)`);
    return false;
  }
  console.log('[setup] installing Debian chromium for the browser tests (once) ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], { stdio: 'inherit', env });
  if (result.status !== 0 || !existsSync(CHROMIUM)) {
    console.warn('[setup] could not install chromium: browser tests will be skipped');
    return false;
  }
  return true;
}

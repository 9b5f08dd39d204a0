#!/usr/bin/env node
// Entry point of `npm start`, `npm test`, `npm run bench` and `npm run seed` on a fresh clone:
// plain Node with no dependencies, so it can install them before anything else is imported.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command = 'start', ...args] = process.argv.slice(2);
const entries = { start: 'stack/start.ts', test: 'stack/test.ts', bench: 'bench/run.ts', seed: 'bench/seed.ts' };

function dependenciesAreStale() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs;
}

if (dependenciesAreStale()) {
  console.log('[setup] installing npm dependencies from package-lock.json (once per lock file change) ...');
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (npm.status !== 0) {
    console.error('[setup] npm ci failed; see the output above.');
    process.exit(npm.status ?? 1);
  }
}

const entry = entries[command];
if (!entry) {
  console.error(`unknown command "${command}"; use one of: ${Object.keys(entries).join(', ')}`);
  process.exit(2);
}

const child = spawn(process.execPath, ['--import', 'tsx', join(root, entry), ...args], { cwd: root, stdio: 'inherit' });
// The child owns shutdown: forward the signal and leave with its exit code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

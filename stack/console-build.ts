// Builds the react-admin console when its sources are newer than the last build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureConsoleBuilt(): void {
  const admin = join(repoRoot, 'admin');
  const built = join(admin, 'dist', 'index.html');
  // The console bundles the rules in domain/ too (its @domain alias).
  const sources = Math.max(newestMtime(join(admin, 'src')), newestMtime(join(repoRoot, 'domain')), statSync(join(admin, 'index.html')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('[setup] building the console (admin/) with Vite ...');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the console build failed; see the output above');
}

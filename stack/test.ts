// `npm test`: builds what the suites need, runs vitest (whose global setup starts the real
// services on free ports) and closes with a one-line summary.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureConsoleBuilt } from './console-build.js';
import { repoRoot } from './paths.js';
import { requiredTools } from './services.js';
import { ensureTool, MissingGoError } from './tools.js';
import { ensureBrowser } from './browser.js';

async function main() {
  // The binaries of the embedded services EMBEDDED_TEMPORAL / EMBEDDED_DATABASE choose, built before the suites start.
  for (const tool of requiredTools()) await ensureTool(tool);
  ensureConsoleBuilt();
  ensureBrowser();

  const resultsDir = join(repoRoot, 'tests', 'artifacts');
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = join(resultsDir, 'vitest-results.json');
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)];
  const child = spawn('npx', args, { cwd: repoRoot, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));

  if (existsSync(resultsFile)) {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
    console.log(`vitest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(error instanceof MissingGoError ? `\n${error.message}\n` : error);
  process.exit(1);
});

// `npm start`: the whole service on embedded defaults in one terminal.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureConsoleBuilt } from './console-build.js';
import { dataDirFrom, repoRoot } from './paths.js';
import { freePort, waitFor } from './ports.js';
import { startProcess, stopAll, type ManagedProcess } from './processes.js';
import { startStack, type Stack } from './services.js';
import { MissingGoError } from './tools.js';

/** A local administrator kept in DATA_DIR, so every start prints the same working login. */
function localAdmin(dataDir: string): { email: string; password: string } {
  if (process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD) return { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };
  const file = join(dataDir, 'local-admin.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const admin = { email: 'admin@endringsporten.local', password: randomBytes(12).toString('base64url') };
  writeFileSync(file, JSON.stringify(admin), { mode: 0o600 });
  return admin;
}

const TEMPORAL_NAMES = { 'dev-server': 'Temporal CLI dev server (SQLite)', 'server-sqlite': 'Temporal server on SQLite', 'server-postgres': 'Temporal server on PostgreSQL' } as const;

/** Which embedded services run (EMBEDDED_TEMPORAL / EMBEDDED_DATABASE, README "Configuration"). */
function embeddedLine(stack: Stack): string {
  const parts = [stack.temporal ? TEMPORAL_NAMES[stack.temporal] : null, stack.database ? `FerretDB on ${stack.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'}` : null].filter(Boolean);
  return parts.length ? parts.join(', ') : '(all external)';
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Endringsporten ...');
  await stopAll();
  console.log('Stopped. Data is kept in DATA_DIR for the next start.');
  process.exit(code);
}

async function main() {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const started = Date.now();
  const dataDir = dataDirFrom();
  ensureConsoleBuilt();
  const stack = await startStack({ dataDir, ports: 'default', temporalUi: true });
  const admin = localAdmin(dataDir);
  const port = await freePort(Number(process.env.PORT ?? 3000));
  if (process.env.PORT && Number(process.env.PORT) !== port) throw new Error(`PORT ${process.env.PORT} is in use`);
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    MONGODB_URI: stack.mongodbUri,
    SMTP_URL: stack.smtpUrl,
    DEMO_DATA: process.env.DEMO_DATA ?? 'true',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    ...(stack.temporalUiUrl ? { TEMPORAL_UI_URL: stack.temporalUiUrl } : {}),
    ...(stack.mailboxUrl ? { MAILBOX_URL: stack.mailboxUrl } : {}),
  };
  const logDir = join(dataDir, 'logs');
  const tsx = ['--import', 'tsx'];
  const app: ManagedProcess[] = [
    startProcess('worker', process.execPath, [...tsx, join(repoRoot, 'worker/main.ts')], { logDir, env, cwd: repoRoot, echo: true }),
    startProcess('api', process.execPath, [...tsx, join(repoRoot, 'api/server.ts')], { logDir, env, cwd: repoRoot, echo: true }),
  ];
  for (const child of app) {
    child.child.once('exit', (code) => {
      if (!stopping) {
        console.error(`[${child.name}] exited unexpectedly (code ${code}); see ${child.logFile}`);
        void shutdown(1);
      }
    });
  }
  for (const service of stack.processes) {
    service.child.once('exit', (code) => {
      if (!stopping) {
        console.error(`[${service.name}] exited unexpectedly (code ${code}); see ${service.logFile}`);
        void shutdown(1);
      }
    });
  }
  await waitFor('the API', async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 120_000);
  // The demo's people log in with a fixed password, printed only when the seeded demo accepts it.
  const demo = env.DEMO_DATA === 'true' ? await import('../api/demo-data.js').then((m) => m.demoLogins(`http://127.0.0.1:${port}`)) : null;

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  Endringsporten is ready (${seconds} s)

  Console       ${publicUrl}
  Log in as     ${admin.email} / ${admin.password}
${demo ? `  ${demo.join('\n  ')}\n` : ''}  Temporal UI   ${stack.temporalUiUrl ?? '(external Temporal: ' + stack.temporalAddress + ')'}
  Mailbox       ${stack.mailboxUrl ?? '(external SMTP: ' + stack.smtpUrl + ')'}
  Embedded      ${embeddedLine(stack)}
  Data          ${dataDir}

  Press Ctrl+C to stop everything.
`);
}

main().catch(async (error) => {
  console.error(error instanceof MissingGoError ? `\n${error.message}\n` : error);
  await stopAll();
  process.exit(1);
});

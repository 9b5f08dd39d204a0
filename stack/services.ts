// The embedded services of the local stack: Temporal dev server, FerretDB and Mailpit,
// each skipped when its override variable points at a running one.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { SEARCH_ATTRIBUTES } from '../domain/search-attributes.js';
import { freePort, waitFor } from './ports.js';
import { startProcess, type ManagedProcess } from './processes.js';
import { ensureTool } from './tools.js';

export interface StackOptions {
  dataDir: string;
  /** 'default' tries the usual ports first (for `npm start`); 'free' always picks free ones (tests). */
  ports: 'default' | 'free';
  temporalUi: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface Stack {
  temporalAddress: string;
  temporalUiUrl: string | null;
  mongodbUri: string;
  smtpUrl: string;
  mailboxUrl: string | null;
  processes: ManagedProcess[];
}

const pick = (options: StackOptions, preferred: number) => freePort(options.ports === 'default' ? preferred : 0);

export async function startTemporal(options: StackOptions): Promise<{ address: string; uiUrl: string | null; process: ManagedProcess }> {
  const binary = await ensureTool('temporal');
  const port = await pick(options, 7233);
  const uiPort = options.temporalUi ? await pick(options, 8233) : 0;
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--db-filename', join(options.dataDir, 'temporal.db'),
    '--namespace', 'default',
    '--log-level', 'warn',
    // The dev server's SQLite sits behind a single connection; WAL and relaxed fsync keep it from timing out under load.
    '--sqlite-pragma', 'journal_mode=wal',
    '--sqlite-pragma', 'synchronous=normal',
    ...Object.entries(SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
    ...(options.temporalUi ? ['--ui-port', String(uiPort)] : ['--headless']),
  ];
  const process = startProcess('temporal', binary, args, { logDir: join(options.dataDir, 'logs') });
  const address = `127.0.0.1:${port}`;
  await waitFor('Temporal dev server', async () => {
    if (process.child.exitCode !== null) throw new Error(`exited; see ${process.logFile}`);
    const connection = await Connection.connect({ address, connectTimeout: 1_000 });
    try {
      const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: 'default' });
      return Boolean(namespaceInfo);
    } finally {
      await connection.close();
    }
  }, 120_000);
  return { address, uiUrl: options.temporalUi ? `http://127.0.0.1:${uiPort}` : null, process };
}

export async function startFerretDb(options: StackOptions): Promise<{ uri: string; process: ManagedProcess }> {
  const binary = await ensureTool('ferretdb');
  const port = await pick(options, 27018);
  const dir = join(options.dataDir, 'ferretdb');
  mkdirSync(dir, { recursive: true });
  const process = startProcess('ferretdb', binary, [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/`,
    `--state-dir=${dir}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=warn',
  ], { logDir: join(options.dataDir, 'logs'), env: { ...globalThis.process.env, FERRETDB_TELEMETRY: 'disable' } });
  const uri = `mongodb://127.0.0.1:${port}/endringsporten`;
  await waitFor('FerretDB', async () => {
    if (process.child.exitCode !== null) throw new Error(`exited; see ${process.logFile}`);
    const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 1_000 }).asPromise();
    try {
      await connection.db!.admin().ping();
      return true;
    } finally {
      await connection.close();
    }
  });
  return { uri, process };
}

export async function startMailpit(options: StackOptions): Promise<{ smtpUrl: string; mailboxUrl: string; process: ManagedProcess }> {
  const binary = await ensureTool('mailpit');
  const smtpPort = await pick(options, 1025);
  const uiPort = await pick(options, 8025);
  const process = startProcess('mailpit', binary, [
    '--smtp', `127.0.0.1:${smtpPort}`,
    '--listen', `127.0.0.1:${uiPort}`,
    '--database', join(options.dataDir, 'mailpit.db'),
    '--max', '100000',
    '--smtp-auth-accept-any',
    '--smtp-auth-allow-insecure',
    '--smtp-disable-rdns',
    '--disable-version-check',
    '--quiet',
  ], { logDir: join(options.dataDir, 'logs') });
  const mailboxUrl = `http://127.0.0.1:${uiPort}`;
  await waitFor('Mailpit', async () => {
    if (process.child.exitCode !== null) throw new Error(`exited; see ${process.logFile}`);
    return (await fetch(`${mailboxUrl}/readyz`)).ok;
  });
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, mailboxUrl, process };
}

/** Starts what the environment does not already provide, in parallel. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const env = options.env ?? process.env;
  mkdirSync(options.dataDir, { recursive: true });
  const [temporal, ferret, mail] = await Promise.all([
    env.TEMPORAL_ADDRESS ? undefined : startTemporal(options),
    env.MONGODB_URI ? undefined : startFerretDb(options),
    env.SMTP_URL ? undefined : startMailpit(options),
  ]);
  return {
    temporalAddress: env.TEMPORAL_ADDRESS ?? temporal!.address,
    temporalUiUrl: temporal?.uiUrl ?? null,
    mongodbUri: env.MONGODB_URI ?? ferret!.uri,
    smtpUrl: env.SMTP_URL ?? mail!.smtpUrl,
    mailboxUrl: mail?.mailboxUrl ?? null,
    processes: [temporal?.process, ferret?.process, mail?.process].filter((p): p is ManagedProcess => Boolean(p)),
  };
}

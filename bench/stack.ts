// The processes a bench run measures: its own Temporal dev server (so the SQLite pragmas can be
// tuned), FerretDB and Mailpit from the project's stack, and the API and workers as child
// processes whose peak RSS is read from /proc.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { SEARCH_ATTRIBUTES } from '../domain/search-attributes.js';
import { repoRoot } from '../stack/paths.js';
import { freePort, waitFor } from '../stack/ports.js';
import { startProcess, type ManagedProcess } from '../stack/processes.js';
import { startStack } from '../stack/services.js';
import { ensureTool } from '../stack/tools.js';

/** What `stack/services.ts` runs for `npm start` and the tests. */
export const STACK_PRAGMAS = ['journal_mode=wal', 'synchronous=normal'];

export interface TemporalServer {
  address: string;
  pragmas: string[];
  process: ManagedProcess;
  dbFile: string;
}

export async function startTemporalServer(dataDir: string, name: string, pragmas: string[]): Promise<TemporalServer> {
  const binary = await ensureTool('temporal');
  const port = await freePort(0);
  const dbFile = join(dataDir, `${name}.db`);
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--db-filename', dbFile,
    '--namespace', 'default',
    '--log-level', 'error',
    '--headless',
    ...pragmas.flatMap((pragma) => ['--sqlite-pragma', pragma]),
    ...Object.entries(SEARCH_ATTRIBUTES).flatMap(([key, type]) => ['--search-attribute', `${key}=${type}`]),
  ];
  const process = startProcess(name, binary, args, { logDir: join(dataDir, 'logs') });
  const address = `127.0.0.1:${port}`;
  await waitFor(`Temporal dev server (${name})`, async () => {
    if (process.child.exitCode !== null) throw new Error(`exited; see ${process.logFile}`);
    const connection = await Connection.connect({ address, connectTimeout: 1_000 });
    try {
      await connection.workflowService.describeNamespace({ namespace: 'default' });
      return true;
    } finally {
      await connection.close();
    }
  }, 120_000);
  return { address, pragmas, process, dbFile };
}

/**
 * FerretDB as stack/services.ts starts it, plus optional SQLite URI parameters (for example
 * `_txlock=immediate`) to try against the stack's default of none.
 */
export async function startFerretDb(dataDir: string, params: string[]): Promise<{ uri: string; process: ManagedProcess }> {
  const binary = await ensureTool('ferretdb');
  const port = await freePort(0);
  const dir = join(dataDir, 'ferretdb');
  mkdirSync(dir, { recursive: true });
  const query = params.length ? `?${params.join('&')}` : '';
  const process = startProcess('ferretdb', binary, [
    '--handler=sqlite', `--sqlite-url=file:${dir}/${query}`, `--state-dir=${dir}`, `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-', '--telemetry=disable', '--log-level=error',
  ], { logDir: join(dataDir, 'logs'), env: { ...globalThis.process.env, FERRETDB_TELEMETRY: 'disable' } });
  const uri = `mongodb://127.0.0.1:${port}/endringsporten`;
  await waitFor('FerretDB', async () => {
    if (process.child.exitCode !== null) throw new Error(`exited; see ${process.logFile}`);
    const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 1_000 });
    try {
      await client.db().admin().ping();
      return true;
    } finally {
      await client.close();
    }
  });
  return { uri, process };
}

export interface BenchStack {
  temporal: TemporalServer;
  mongodbBase: string;
  smtpUrl: string;
  mailboxUrl: string;
  ferretDb: ManagedProcess | null;
}

/**
 * Temporal with the given pragmas, FerretDB with the given SQLite URI parameters (both otherwise
 * as `npm start` runs them), and Mailpit from the stack. MONGODB_URI points the bench at another
 * MongoDB-compatible server instead of FerretDB.
 */
export async function startBenchStack(dataDir: string, pragmas: string[], ferretDbParams: string[]): Promise<BenchStack> {
  const external = process.env.MONGODB_URI;
  const [temporal, ferret, rest] = await Promise.all([
    startTemporalServer(dataDir, 'temporal', pragmas),
    external ? undefined : startFerretDb(dataDir, ferretDbParams),
    startStack({ dataDir, ports: 'free', temporalUi: false, env: { TEMPORAL_ADDRESS: 'external', MONGODB_URI: 'external', SMTP_URL: process.env.SMTP_URL } }),
  ]);
  if (!rest.mailboxUrl) throw new Error('the bench reads emails from Mailpit: leave SMTP_URL unset so it starts its own');
  return { temporal, mongodbBase: external ?? ferret!.uri, smtpUrl: rest.smtpUrl, mailboxUrl: rest.mailboxUrl, ferretDb: ferret?.process ?? null };
}

/** The same server with another database name, so each scenario starts from empty collections. */
export function databaseUri(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface Memory {
  rssMb: number;
  peakMb: number;
}

/** Current and peak resident set size of a process (VmRSS and VmHWM). */
export function memoryOf(pid: number | undefined): Memory {
  if (!pid) return { rssMb: Number.NaN, peakMb: Number.NaN };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: Number.NaN, peakMb: Number.NaN };
  }
}

export interface AppProcess {
  name: string;
  pid: number;
  process: ManagedProcess;
  memory(): Memory;
  stop(): Promise<void>;
}

function wrap(name: string, process: ManagedProcess): AppProcess {
  return { name, pid: process.child.pid!, process, memory: () => memoryOf(process.child.pid), stop: () => process.stop() };
}

export interface WorkerTuning {
  /** Sticky cache size; undefined leaves the SDK default (about 600 per GiB of heap). */
  maxCachedWorkflows?: number;
  maxConcurrentWorkflowTaskExecutions?: number;
  maxConcurrentActivityTaskExecutions?: number;
  /** Node heap limit in MiB for the worker (a big sticky cache needs more than the default). */
  maxOldSpaceMb?: number;
}

export interface WorkerSpec {
  name: string;
  mode: 'app' | 'bare';
  bundlePath: string;
  env: NodeJS.ProcessEnv;
  tuning?: WorkerTuning;
  logDir: string;
}

/** Starts `bench/worker-process.ts` and resolves when it polls its task queue. */
export async function startWorkerProcess(spec: WorkerSpec): Promise<AppProcess> {
  const t = spec.tuning ?? {};
  const env: NodeJS.ProcessEnv = {
    ...spec.env,
    BENCH_WORKER_MODE: spec.mode,
    BENCH_WORKFLOW_BUNDLE: spec.bundlePath,
    ...(t.maxCachedWorkflows !== undefined ? { BENCH_MAX_CACHED_WORKFLOWS: String(t.maxCachedWorkflows) } : {}),
    ...(t.maxConcurrentWorkflowTaskExecutions !== undefined ? { BENCH_WFT_SLOTS: String(t.maxConcurrentWorkflowTaskExecutions) } : {}),
    ...(t.maxConcurrentActivityTaskExecutions !== undefined ? { BENCH_ACTIVITY_SLOTS: String(t.maxConcurrentActivityTaskExecutions) } : {}),
  };
  const heap = t.maxOldSpaceMb ? [`--max-old-space-size=${t.maxOldSpaceMb}`] : [];
  const process = startProcess(spec.name, globalThis.process.execPath, [...heap, '--import', 'tsx', join(repoRoot, 'bench/worker-process.ts')], {
    logDir: spec.logDir,
    env,
    cwd: repoRoot,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.name} did not start within 120 s; see ${process.logFile}`)), 120_000);
    let seen = '';
    process.child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('worker ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    process.child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.name} exited with ${code}; see ${process.logFile}`));
    });
  });
  return wrap(spec.name, process);
}

/** Starts the real API (`api/server.ts`) and resolves when /readyz answers. */
export async function startApiProcess(name: string, env: NodeJS.ProcessEnv, logDir: string): Promise<AppProcess & { baseUrl: string }> {
  const port = Number(env.PORT);
  const process = startProcess(name, globalThis.process.execPath, ['--import', 'tsx', join(repoRoot, 'api/server.ts')], { logDir, env, cwd: repoRoot });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(name, async () => {
    if (process.child.exitCode !== null) throw new Error(`exited; see ${process.logFile}`);
    return (await fetch(`${baseUrl}/readyz`)).ok;
  }, 120_000);
  return { ...wrap(name, process), baseUrl };
}

// The processes a bench run measures: the embedded services exactly as `npm start` and the tests
// start them (stack/services.ts), one stack per candidate (Temporal flavour × database backend),
// each in a folder of its own; and the API and workers as child processes whose peak RSS is read
// from /proc.
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../stack/paths.js';
import type { Postgres } from '../stack/postgres.js';
import { startProcess, type ManagedProcess } from '../stack/processes.js';
import { waitFor } from '../stack/ports.js';
import {
  DEV_SERVER_PRAGMAS,
  embeddedChoice,
  startFerretDb,
  startMailpit,
  startTemporal,
  type DatabaseBackend,
  type StackOptions,
  type TemporalFlavour,
} from '../stack/services.js';

/** What `npm start` ran before issue 14: the bench reports every goal beside it. */
export const PREVIOUS_STACK = { temporal: 'dev-server', database: 'sqlite' } as const satisfies StackChoice;
/** What `npm start` runs now (stack/services.ts; EMBEDDED_TEMPORAL and EMBEDDED_DATABASE as it reads them). */
const embedded = embeddedChoice(tmpdir());
export const DEFAULT_STACK: StackChoice = { temporal: embedded.temporal, database: embedded.database };

export interface StackChoice {
  temporal: TemporalFlavour;
  database: DatabaseBackend;
}

export const stackName = (choice: StackChoice) => `${choice.temporal}+${choice.database}`;
export const sameStack = (a: StackChoice, b: StackChoice) => a.temporal === b.temporal && a.database === b.database;

export interface BenchStack extends StackChoice {
  name: string;
  dataDir: string;
  temporal: TemporalFlavour;
  temporalAddress: string;
  temporalProcess: ManagedProcess;
  mongodbBase: string;
  /** Null when MONGODB_URI points the bench at another server. */
  ferretDb: ManagedProcess | null;
  postgres: Postgres | null;
  /** FerretDB's folder (SQLite: one file per database). */
  ferretDbDir: string | null;
  smtpUrl: string;
  mailboxUrl: string;
  stop(): Promise<void>;
}

export interface BenchStackOptions {
  devServerPragmas?: string[];
  ferretDbSqliteParams?: string[];
  /** The databases scenario measures FerretDB without them first, then adds them itself. */
  pushdownIndexes?: boolean;
}

/** One candidate stack in `<dataDir>/<name>`; MONGODB_URI points the bench at a real MongoDB instead of FerretDB. */
export async function startBenchStack(rootDir: string, choice: StackChoice, extra: BenchStackOptions = {}): Promise<BenchStack> {
  const name = stackName(choice);
  const dataDir = join(rootDir, name);
  mkdirSync(dataDir, { recursive: true });
  const options: StackOptions = {
    dataDir,
    ports: 'free',
    temporalUi: false,
    temporal: choice.temporal,
    database: choice.database,
    devServerPragmas: extra.devServerPragmas ?? DEV_SERVER_PRAGMAS,
    ferretDbSqliteParams: extra.ferretDbSqliteParams,
    pushdownIndexes: extra.pushdownIndexes,
  };
  const external = process.env.MONGODB_URI;
  const started = await Promise.allSettled([startTemporal(options), external ? Promise.resolve(null) : startFerretDb(options), startMailpit(options)] as const);
  const all = started.flatMap((s) => (s.status === 'fulfilled' && s.value ? [s.value.process, ...('others' in s.value ? s.value.others : [])] : []));
  const stopAllOfThis = async () => {
    // Dependants first: PostgreSQL last.
    for (const p of [...new Set(all)].sort((a, b) => Number(a.name === 'postgres') - Number(b.name === 'postgres'))) await p.stop();
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stopAllOfThis();
    throw failed.reason;
  }
  const [temporal, ferret, mail] = started.map((s) => (s as PromiseFulfilledResult<unknown>).value) as [
    Awaited<ReturnType<typeof startTemporal>>,
    Awaited<ReturnType<typeof startFerretDb>> | null,
    Awaited<ReturnType<typeof startMailpit>>,
  ];
  return {
    ...choice,
    name,
    dataDir,
    temporalAddress: temporal.address,
    temporalProcess: temporal.process,
    mongodbBase: external ?? ferret!.uri,
    ferretDb: ferret?.process ?? null,
    postgres: ferret?.postgres ?? null,
    ferretDbDir: ferret ? join(dataDir, choice.database === 'sqlite' ? 'ferretdb' : 'ferretdb-postgresql') : null,
    smtpUrl: mail.smtpUrl,
    mailboxUrl: mail.mailboxUrl,
    stop: stopAllOfThis,
  };
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
  mode: 'app' | 'bare' | 'noop';
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

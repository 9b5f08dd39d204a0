// The embedded services of the local stack: Temporal (the CLI's dev server, or the Temporal server
// on SQLite or PostgreSQL), FerretDB (on SQLite or PostgreSQL) and Mailpit, each skipped when its
// override variable points at a running one. EMBEDDED_TEMPORAL and EMBEDDED_DATABASE choose.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { SEARCH_ATTRIBUTES } from '../domain/search-attributes.js';
import { freePort, GiveUp, waitFor } from './ports.js';
import { postgresUnavailable, startPostgres, type Postgres } from './postgres.js';
import { startProcess, type ManagedProcess } from './processes.js';
import { keepPostgresGinIndexes } from './pushdown-indexes.js';
import { startTemporalServer, startTemporalUi, type ServerTuning } from './temporal-server.js';
import { ensureTool, type ToolName } from './tools.js';

/** Which Temporal runs embedded: EMBEDDED_TEMPORAL. See README "Performance" for the figures behind the default. */
export const TEMPORAL_FLAVOURS = ['dev-server', 'server-sqlite', 'server-postgres'] as const;
export type TemporalFlavour = (typeof TEMPORAL_FLAVOURS)[number];
export const DEFAULT_TEMPORAL: TemporalFlavour = 'server-sqlite';

/** Which backend the embedded FerretDB stores in: EMBEDDED_DATABASE. */
export const DATABASE_BACKENDS = ['sqlite', 'postgresql'] as const;
export type DatabaseBackend = (typeof DATABASE_BACKENDS)[number];
export const DEFAULT_DATABASE: DatabaseBackend = 'postgresql';

function choice<T extends string>(variable: string, allowed: readonly T[], fallback: T, env: NodeJS.ProcessEnv): T {
  const value = env[variable];
  if (!value) return fallback;
  if (!allowed.includes(value as T)) throw new Error(`${variable}=${value} is not one of ${allowed.join(', ')}`);
  return value as T;
}

/**
 * Whether the stack keeps the GIN indexes FerretDB's own equality pushdown can use on PostgreSQL
 * (stack/pushdown-indexes.ts): they make a transition on 100,000 past initiatives cost what it
 * costs on 100 (README "Performance"). FerretDB on SQLite gets none: its pushdown is `_id` only.
 */
export const DEFAULT_PUSHDOWN_INDEXES = true;

export const temporalFlavour = (env: NodeJS.ProcessEnv = process.env) => choice('EMBEDDED_TEMPORAL', TEMPORAL_FLAVOURS, DEFAULT_TEMPORAL, env);
export const databaseBackend = (env: NodeJS.ProcessEnv = process.env) => choice('EMBEDDED_DATABASE', DATABASE_BACKENDS, DEFAULT_DATABASE, env);

/** What runs when a default needs PostgreSQL and this machine cannot run it. */
export const FALLBACK_TEMPORAL: TemporalFlavour = 'server-sqlite';
export const FALLBACK_DATABASE: DatabaseBackend = 'sqlite';

export interface EmbeddedChoice {
  temporal: TemporalFlavour;
  database: DatabaseBackend;
  /** Set when a default was replaced by its SQLite fallback, and why. */
  notice: string | null;
}

/**
 * EMBEDDED_TEMPORAL / EMBEDDED_DATABASE when set (a problem with them is an error at start);
 * otherwise the defaults, except that a default needing PostgreSQL falls back to SQLite when
 * PostgreSQL is not installed or cannot reach DATA_DIR, so a fresh clone starts anywhere.
 */
export function embeddedChoice(dataDir: string, env: NodeJS.ProcessEnv = process.env): EmbeddedChoice {
  const temporal = temporalFlavour(env);
  const database = databaseBackend(env);
  const defaultedToPostgres = (!env.EMBEDDED_TEMPORAL && temporal === 'server-postgres') || (!env.EMBEDDED_DATABASE && database === 'postgresql');
  const problem = defaultedToPostgres ? postgresUnavailable(dataDir, env) : null;
  if (!problem) return { temporal, database, notice: null };
  return {
    temporal: env.EMBEDDED_TEMPORAL || temporal !== 'server-postgres' ? temporal : FALLBACK_TEMPORAL,
    database: env.EMBEDDED_DATABASE || database !== 'postgresql' ? database : FALLBACK_DATABASE,
    notice: `PostgreSQL ${problem}; running the embedded services on SQLite instead (EMBEDDED_TEMPORAL / EMBEDDED_DATABASE choose explicitly)`,
  };
}

const noticed = new Set<string>();
function resolved(options: StackOptions): EmbeddedChoice {
  const choice = embeddedChoice(options.dataDir);
  if (choice.notice && !noticed.has(options.dataDir)) {
    noticed.add(options.dataDir);
    console.log(`[stack] ${choice.notice}`);
  }
  return { ...choice, temporal: options.temporal ?? choice.temporal, database: options.database ?? choice.database };
}

/** The dev server's SQLite sits behind a single connection; WAL and relaxed fsync keep it from timing out under load. */
export const DEV_SERVER_PRAGMAS = ['journal_mode=wal', 'synchronous=normal'];

export interface StackOptions {
  dataDir: string;
  /** 'default' tries the usual ports first (for `npm start`); 'free' always picks free ones (tests). */
  ports: 'default' | 'free';
  temporalUi: boolean;
  /** The override variables (TEMPORAL_ADDRESS, MONGODB_URI, SMTP_URL); EMBEDDED_* are read from the process. */
  env?: NodeJS.ProcessEnv;
  /** Defaults: EMBEDDED_TEMPORAL and EMBEDDED_DATABASE, else DEFAULT_TEMPORAL and DEFAULT_DATABASE. */
  temporal?: TemporalFlavour;
  database?: DatabaseBackend;
  /** The bench varies these; everything else runs them as below. */
  devServerPragmas?: string[];
  serverTuning?: ServerTuning;
  ferretDbSqliteParams?: string[];
  /** FerretDB on PostgreSQL: keep its pushdown GIN indexes (default DEFAULT_PUSHDOWN_INDEXES). */
  pushdownIndexes?: boolean;
}

export interface Stack {
  temporalAddress: string;
  temporalUiUrl: string | null;
  mongodbUri: string;
  smtpUrl: string;
  mailboxUrl: string | null;
  /** What runs embedded (null where an override variable points elsewhere). */
  temporal: TemporalFlavour | null;
  database: DatabaseBackend | null;
  processes: ManagedProcess[];
}

/** The binaries a start needs, so `npm test` can build them before the suites start. */
export function requiredTools(env: NodeJS.ProcessEnv = process.env, dataDir = tmpdir()): ToolName[] {
  const tools: ToolName[] = [];
  const { temporal } = embeddedChoice(dataDir, env);
  if (!env.TEMPORAL_ADDRESS) tools.push(...({ 'dev-server': ['temporal'], 'server-sqlite': ['temporal-server'], 'server-postgres': ['temporal-server', 'temporal-sql-tool'] } as const)[temporal]);
  if (!env.MONGODB_URI) tools.push('ferretdb');
  if (!env.SMTP_URL) tools.push('mailpit');
  return tools;
}

const pick = (options: StackOptions, preferred: number) => freePort(options.ports === 'default' ? preferred : 0);
const logDirOf = (options: StackOptions) => join(options.dataDir, 'logs');

export interface TemporalService {
  address: string;
  uiUrl: string | null;
  flavour: TemporalFlavour;
  /** The Temporal server process (what a fault test kills); `others` are the UI and PostgreSQL. */
  process: ManagedProcess;
  others: ManagedProcess[];
}

export async function startTemporal(options: StackOptions): Promise<TemporalService> {
  const flavour = resolved(options).temporal;
  if (flavour === 'dev-server') return startDevServer(options);
  const port = await pick(options, 7233);
  const postgres = flavour === 'server-postgres' ? await startPostgres({ dataDir: options.dataDir, logDir: logDirOf(options) }) : undefined;
  const server = await startTemporalServer({
    dataDir: options.dataDir,
    logDir: logDirOf(options),
    port,
    backend: postgres ? 'postgres' : 'sqlite',
    postgres,
    tuning: options.serverTuning,
  });
  const ui = options.temporalUi
    ? await startTemporalUi({ dataDir: options.dataDir, logDir: logDirOf(options), temporalAddress: server.address, port: await pick(options, 8233) })
    : null;
  return { address: server.address, uiUrl: ui?.url ?? null, flavour, process: server.process, others: [ui?.process, postgres?.process].filter((p): p is ManagedProcess => Boolean(p)) };
}

async function startDevServer(options: StackOptions): Promise<TemporalService> {
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
    ...(options.devServerPragmas ?? DEV_SERVER_PRAGMAS).flatMap((pragma) => ['--sqlite-pragma', pragma]),
    ...Object.entries(SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
    ...(options.temporalUi ? ['--ui-port', String(uiPort)] : ['--headless']),
  ];
  const process = startProcess('temporal', binary, args, { logDir: logDirOf(options) });
  const address = `127.0.0.1:${port}`;
  await waitFor('Temporal dev server', async () => {
    if (process.child.exitCode !== null) throw new GiveUp(`exited; see ${process.logFile}`);
    const connection = await Connection.connect({ address, connectTimeout: 1_000 });
    try {
      const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: 'default' });
      return Boolean(namespaceInfo);
    } finally {
      await connection.close();
    }
  }, 120_000);
  return { address, uiUrl: options.temporalUi ? `http://127.0.0.1:${uiPort}` : null, flavour: 'dev-server', process, others: [] };
}

export interface DatabaseService {
  uri: string;
  backend: DatabaseBackend;
  process: ManagedProcess;
  /** PostgreSQL under FerretDB (null on SQLite). */
  postgres: Postgres | null;
  others: ManagedProcess[];
}

/** The PostgreSQL database FerretDB keeps its collections in (one schema per MongoDB database). */
export const FERRETDB_POSTGRES_DATABASE = 'ferretdb';

export async function startFerretDb(options: StackOptions): Promise<DatabaseService> {
  const backend = resolved(options).database;
  const binary = await ensureTool('ferretdb');
  const port = await pick(options, 27018);
  const dir = join(options.dataDir, backend === 'sqlite' ? 'ferretdb' : 'ferretdb-postgresql');
  mkdirSync(dir, { recursive: true });
  let postgres: Postgres | null = null;
  let storage: string[];
  if (backend === 'sqlite') {
    const params = options.ferretDbSqliteParams?.length ? `?${options.ferretDbSqliteParams.join('&')}` : '';
    storage = ['--handler=sqlite', `--sqlite-url=file:${dir}/${params}`];
  } else {
    postgres = await startPostgres({ dataDir: options.dataDir, logDir: logDirOf(options) });
    postgres.ensureDatabase(FERRETDB_POSTGRES_DATABASE);
    storage = ['--handler=postgresql', `--postgresql-url=${postgres.url(FERRETDB_POSTGRES_DATABASE)}`];
  }
  const process = startProcess('ferretdb', binary, [
    ...storage,
    `--state-dir=${dir}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=warn',
  ], { logDir: logDirOf(options), env: { ...globalThis.process.env, FERRETDB_TELEMETRY: 'disable' } });
  const uri = `mongodb://127.0.0.1:${port}/endringsporten`;
  await waitFor('FerretDB', async () => {
    if (process.child.exitCode !== null) throw new GiveUp(`exited; see ${process.logFile}`);
    const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 1_000 }).asPromise();
    try {
      await connection.db!.admin().ping();
      return true;
    } finally {
      await connection.close();
    }
  });
  if (postgres && (options.pushdownIndexes ?? DEFAULT_PUSHDOWN_INDEXES)) {
    const stop = keepPostgresGinIndexes(postgres, FERRETDB_POSTGRES_DATABASE);
    process.child.once('exit', stop);
  }
  return { uri, backend, process, postgres, others: postgres ? [postgres.process] : [] };
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
  ], { logDir: logDirOf(options) });
  const mailboxUrl = `http://127.0.0.1:${uiPort}`;
  await waitFor('Mailpit', async () => {
    if (process.child.exitCode !== null) throw new GiveUp(`exited; see ${process.logFile}`);
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
  // Dependencies (PostgreSQL) first; stopAll() stops in the reverse order of starting anyway.
  const processes = [...(temporal?.others ?? []), ...(ferret?.others ?? []), temporal?.process, ferret?.process, mail?.process];
  return {
    temporalAddress: env.TEMPORAL_ADDRESS ?? temporal!.address,
    temporalUiUrl: temporal?.uiUrl ?? null,
    mongodbUri: env.MONGODB_URI ?? ferret!.uri,
    smtpUrl: env.SMTP_URL ?? mail!.smtpUrl,
    mailboxUrl: mail?.mailboxUrl ?? null,
    temporal: temporal?.flavour ?? null,
    database: ferret?.backend ?? null,
    // PostgreSQL may serve both Temporal and FerretDB: listed once.
    processes: [...new Set(processes.filter((p): p is ManagedProcess => Boolean(p)))],
  };
}

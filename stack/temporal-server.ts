// The Temporal server itself (go.temporal.io/server v1.32.1), as an alternative to the CLI's dev
// server: on SQLite with several connections (the dev server keeps all its state behind one,
// Temporal #9730) or on PostgreSQL, with a few history shards. Config and dynamic config are
// generated into DATA_DIR; the schema comes from the server's embedded copy (SQLite: the plugin's
// `setup` attribute; PostgreSQL: temporal-sql-tool); the default namespace and the search
// attributes the workflows upsert are registered over gRPC once the frontend answers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import type { temporal } from '@temporalio/proto';
import YAML from 'yaml';
import { SEARCH_ATTRIBUTES } from '../domain/search-attributes.js';
import { freeLowPort, freePort, GiveUp, waitFor } from './ports.js';
import type { Postgres } from './postgres.js';
import { startProcess, type ManagedProcess } from './processes.js';
import { ensureTool } from './tools.js';

export interface ServerTuning {
  /** Fixed when the database is created: changing it later needs a fresh database. */
  historyShards: number;
  /** Connections of the default store (history, matching, frontend share it) and of visibility. */
  maxConns: number;
  visibilityMaxConns: number;
  /** SQLite only: pragmas on every connection (WAL is what makes several connections safe). */
  sqlitePragmas: Record<string, string>;
}

export const SERVER_SQLITE_TUNING: ServerTuning = {
  historyShards: 4,
  maxConns: 4,
  visibilityMaxConns: 2,
  // busy_timeout: a connection that finds the single writer's lock taken waits instead of failing.
  sqlitePragmas: { journal_mode: 'wal', synchronous: 'normal', busy_timeout: '10000' },
};

export const SERVER_POSTGRES_TUNING: ServerTuning = { historyShards: 4, maxConns: 20, visibilityMaxConns: 10, sqlitePragmas: {} };

export interface TemporalServerOptions {
  dataDir: string;
  logDir: string;
  /** Port of the frontend (what clients dial); the internal ones are picked free. */
  port: number;
  backend: 'sqlite' | 'postgres';
  postgres?: Postgres;
  tuning?: ServerTuning;
  processName?: string;
}

// The value types SEARCH_ATTRIBUTES names, numbered as temporal.api.enums.v1.IndexedValueType
// (the proto package is CommonJS: only its types are imported here).
const SA_TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = { Text: 1, Keyword: 2, Int: 3, Double: 4, Bool: 5, Datetime: 6 };

function sqlStore(options: TemporalServerOptions, tuning: ServerTuning, database: string, maxConns: number) {
  if (options.backend === 'sqlite') {
    return {
      pluginName: 'sqlite',
      databaseName: database,
      connectAddr: 'localhost',
      connectProtocol: 'tcp',
      // setup: the plugin creates its schema on first start (an existing one is left as it is).
      connectAttributes: { mode: 'rwc', setup: 'true', ...tuning.sqlitePragmas },
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    };
  }
  const pg = options.postgres!;
  return {
    pluginName: 'postgres12',
    databaseName: database,
    connectAddr: `${pg.host}:${pg.port}`,
    connectProtocol: 'tcp',
    user: pg.user,
    password: '',
    maxConns,
    maxIdleConns: maxConns,
    maxConnLifetime: '1h',
  };
}

/**
 * The internal ports of the last start again when they are free: the server keeps its cluster
 * membership in the database, and members left behind under other ports slow its next shutdown
 * (its internal workers retry calls to hosts that are gone) past the stack's grace period.
 */
async function internalPorts(dir: string): Promise<number[]> {
  const file = join(dir, 'ports.json');
  let previous: number[] = [];
  try {
    previous = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // first start
  }
  const ports: number[] = [];
  for (let i = 0; i < 8; i++) {
    const again = previous[i] && previous[i] < 32_768 && !ports.includes(previous[i]) && (await freePort(previous[i])) === previous[i];
    ports.push(again ? previous[i] : await freeLowPort(ports));
  }
  writeFileSync(file, JSON.stringify(ports));
  return ports;
}

async function serverConfig(options: TemporalServerOptions, dir: string, tuning: ServerTuning) {
  const [http, ...internal] = await internalPorts(dir);
  const ip = '127.0.0.1';
  const service = (grpcPort: number, membershipPort: number, httpPort?: number) => ({
    rpc: { grpcPort, membershipPort, bindOnIP: ip, ...(httpPort ? { httpPort } : {}) },
  });
  const sqlite = options.backend === 'sqlite';
  return {
    log: { stdout: true, level: process.env.TEMPORAL_SERVER_LOG_LEVEL ?? 'warn' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: tuning.historyShards,
      datastores: {
        // Two SQLite files: the visibility writes do not queue behind the history writer.
        default: { sql: sqlStore(options, tuning, sqlite ? join(dir, 'temporal.db') : 'temporal', tuning.maxConns) },
        visibility: { sql: sqlStore(options, tuning, sqlite ? join(dir, 'visibility.db') : 'temporal_visibility', tuning.visibilityMaxConns) },
      },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: ip }, pprof: { port: 0 } },
    services: {
      frontend: service(options.port, internal[0], http),
      history: service(internal[1], internal[2]),
      matching: service(internal[3], internal[4]),
      worker: service(internal[5], internal[6]),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `${ip}:${options.port}`, httpAddress: `${ip}:${http}` },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } },
    namespaceDefaults: { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } },
    publicClient: { hostPort: `${ip}:${options.port}` },
    dynamicConfigClient: { filepath: join(dir, 'dynamic-config.yaml'), pollInterval: '60s' },
  };
}

// What the CLI's dev server sets on top of the server's defaults, so the two are compared like for like.
const DYNAMIC_CONFIG = {
  // Search attributes are usable as soon as they are registered (the dev server does the same).
  'system.forceSearchAttributesCacheRefreshOnRead': [{ value: true }],
  'frontend.persistenceMaxQPS': [{ value: 10000 }],
  'history.persistenceMaxQPS': [{ value: 45000 }],
  'history.hostLevelCacheMaxSize': [{ value: 8096 }],
  'frontend.namespaceRPS.visibility': [{ value: 100 }],
};

/** PostgreSQL: databases and schema from the server's embedded schemas, once. */
async function preparePostgres(pg: Postgres, dir: string): Promise<void> {
  const marker = join(dir, 'postgres-schema.done');
  if (existsSync(marker)) return;
  const tool = await ensureTool('temporal-sql-tool');
  for (const [database, schema] of [['temporal', 'postgresql/v12/temporal'], ['temporal_visibility', 'postgresql/v12/visibility']]) {
    pg.ensureDatabase(database);
    const common = ['--plugin', 'postgres12', '--endpoint', pg.host, '--port', String(pg.port), '--user', pg.user, '--database', database];
    for (const args of [['setup-schema', '-v', '0.0'], ['update-schema', '--schema-name', schema]]) {
      const run = spawnSync(tool, [...common, ...args], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`temporal-sql-tool ${args[0]} ${database} exited with ${run.status}: ${run.stderr || run.stdout}`);
    }
  }
  writeFileSync(marker, new Date().toISOString());
}

/** The default namespace and the search attributes, registered unless they already are. */
async function registerNamespace(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    const ws = connection.workflowService;
    try {
      await ws.describeNamespace({ namespace: 'default' });
    } catch (error) {
      if ((error as { code?: number }).code !== 5) throw error;
      try {
        await ws.registerNamespace({ namespace: 'default', workflowExecutionRetentionPeriod: msToTs('1 day') });
      } catch (registerError) {
        if ((registerError as { code?: number }).code !== 6) throw registerError; // ALREADY_EXISTS
      }
      return false; // the namespace cache picks it up within seconds
    }
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
    const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !(customAttributes && name in customAttributes));
    if (missing.length === 0) return true;
    await connection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, SA_TYPES[type]])),
    });
    return false; // checked again on the next round
  } finally {
    await connection.close();
  }
}

export async function startTemporalServer(options: TemporalServerOptions): Promise<{ address: string; process: ManagedProcess }> {
  const tuning = options.tuning ?? (options.backend === 'sqlite' ? SERVER_SQLITE_TUNING : SERVER_POSTGRES_TUNING);
  const dir = join(options.dataDir, options.backend === 'sqlite' ? 'temporal-server' : 'temporal-server-postgres');
  mkdirSync(dir, { recursive: true });
  const [binary] = await Promise.all([ensureTool('temporal-server'), options.backend === 'postgres' ? preparePostgres(options.postgres!, dir) : undefined]);
  const configFile = join(dir, 'config.yaml');
  writeFileSync(join(dir, 'dynamic-config.yaml'), YAML.stringify(DYNAMIC_CONFIG));
  writeFileSync(configFile, YAML.stringify(await serverConfig(options, dir, tuning)));
  const process = startProcess(options.processName ?? 'temporal', binary, ['--config-file', configFile, '--allow-no-auth', 'start'], { logDir: options.logDir });
  const address = `127.0.0.1:${options.port}`;
  await waitFor(`Temporal server (${options.backend})`, async () => {
    if (process.child.exitCode !== null) throw new GiveUp(`exited; see ${process.logFile}`);
    return registerNamespace(address);
  }, 120_000);
  return { address, process };
}

/** The Web UI for a Temporal server that has none built in (the dev server has). */
export async function startTemporalUi(options: { dataDir: string; logDir: string; temporalAddress: string; port: number }): Promise<{ url: string; process: ManagedProcess }> {
  const binary = await ensureTool('temporal-ui');
  const dir = join(options.dataDir, 'temporal-ui');
  mkdirSync(join(dir, 'config'), { recursive: true });
  writeFileSync(join(dir, 'config', 'development.yaml'), YAML.stringify({
    temporalGrpcAddress: options.temporalAddress,
    host: '127.0.0.1',
    port: options.port,
    enableUi: true,
    defaultNamespace: 'default',
    notifyOnNewVersion: false,
    cors: { cookieInsecure: true, allowOrigins: [`http://127.0.0.1:${options.port}`, `http://localhost:${options.port}`] },
  }));
  const process = startProcess('temporal-ui', binary, ['--root', dir, '--config', 'config', '--env', 'development', 'start'], { logDir: options.logDir });
  const url = `http://127.0.0.1:${options.port}`;
  await waitFor('Temporal UI', async () => {
    if (process.child.exitCode !== null) throw new GiveUp(`exited; see ${process.logFile}`);
    return (await fetch(url)).ok;
  }, 60_000);
  return { url, process };
}

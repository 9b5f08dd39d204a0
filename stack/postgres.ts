// PostgreSQL from the distribution (Debian's postgresql-15), started by the stack itself on a free
// loopback port with its data and unix socket under DATA_DIR: one instance per data directory,
// shared by the Temporal server and FerretDB when either is chosen to run on it.
//
// PostgreSQL refuses to run as root. As root the stack runs initdb and postgres as the `postgres`
// user through `setpriv`, which execs (unlike `runuser`, which forks, answers SIGTERM with a smart
// shutdown and SIGKILLs its child two seconds later), so the stack signals the postmaster itself:
// SIGINT, PostgreSQL's fast shutdown. As any other user it runs them as that user.
import { execFile, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { freePort, GiveUp, waitFor } from './ports.js';
import { startProcess, type ManagedProcess } from './processes.js';
import { MissingGoError } from './tools.js';

/** Printed the way a missing Go is: what to install, or which variable to change. */
export class MissingPostgresError extends MissingGoError {}

export interface Postgres {
  host: string;
  port: number;
  user: string;
  binDir: string;
  dir: string;
  process: ManagedProcess;
  /** postgres:// URL of a database on this instance (trust authentication on loopback). */
  url(database: string): string;
  /** Creates the database unless it exists. */
  ensureDatabase(name: string): void;
  /** Runs SQL through psql and answers its unaligned output. */
  sql(database: string, statement: string): string;
  /** The same without blocking the event loop (for work beside a running stack). */
  sqlAsync(database: string, statement: string): Promise<string>;
}

/** Where initdb and postgres are: POSTGRES_BIN_DIR, the newest /usr/lib/postgresql/N/bin, or PATH. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.POSTGRES_BIN_DIR) return existsSync(join(env.POSTGRES_BIN_DIR, 'postgres')) ? env.POSTGRES_BIN_DIR : null;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(base, versions[0], 'bin');
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, 'initdb'), constants.X_OK);
      accessSync(join(dir, 'postgres'), constants.X_OK);
      return dir;
    } catch {
      // not here
    }
  }
  return null;
}

const isRoot = () => process.getuid?.() === 0;

/** Why PostgreSQL cannot run for this data directory here, or null when it can. */
export function postgresUnavailable(dataDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!postgresBinDir(env)) return 'is not installed (no initdb and postgres in /usr/lib/postgresql/*/bin, POSTGRES_BIN_DIR or PATH)';
  if (!isRoot()) return null;
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) return 'has no postgres user to run as (the stack runs as root)';
  if (spawnSync('setpriv', ['--version']).status !== 0) return 'cannot be started as the postgres user: setpriv is missing';
  // The stack opens DATA_DIR itself to other users' traversal; every folder above it must already be.
  const parent = dirname(resolve(dataDir));
  if (spawnSync(...asPostgres('test', ['-x', parent])).status !== 0) return `cannot reach ${dataDir} as the postgres user (a folder above it is closed to other users)`;
  return null;
}
const asPostgres = (command: string, args: string[]): [string, string[]] =>
  isRoot() ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]] : [command, args];

function check(what: string, result: ReturnType<typeof spawnSync>): string {
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} exited with ${result.status}: ${String(result.stderr ?? '').trim() || String(result.stdout ?? '').trim()}`);
  return String(result.stdout ?? '');
}

/** As root: the postgres user must own its folder and be able to reach it (mkdtemp makes 0700 folders). */
function prepareForPostgresUser(dataDir: string, dir: string): void {
  if (!isRoot()) return;
  const mode = statSync(dataDir).mode;
  if ((mode & 0o001) === 0) chmodSync(dataDir, mode | 0o001);
  check('chown', spawnSync('chown', ['-R', 'postgres:postgres', dir], { encoding: 'utf8' }));
  const reach = spawnSync(...asPostgres('test', ['-w', dir]), { encoding: 'utf8' });
  if (reach.status !== 0) {
    throw new MissingPostgresError(
      `PostgreSQL runs as the postgres user, which cannot reach ${dir} (a parent folder is closed to other users).\n` +
        `  Set DATA_DIR to a folder under one it can reach (for example /var/tmp/endringsporten), or choose the SQLite\n` +
        `  backends: EMBEDDED_TEMPORAL=server-sqlite EMBEDDED_DATABASE=sqlite.`,
    );
  }
}

const instances = new Map<string, Promise<Postgres>>();

/** The data directory's PostgreSQL: started once, shared by every caller until it is stopped. */
export function startPostgres(options: { dataDir: string; logDir: string; preferredPort?: number }): Promise<Postgres> {
  const key = join(options.dataDir, 'postgres');
  let instance = instances.get(key);
  if (!instance) {
    instance = launch(options);
    instances.set(key, instance);
    instance.then(
      (pg) => pg.process.child.once('exit', () => instances.delete(key)),
      () => instances.delete(key),
    );
  }
  return instance;
}

async function launch(options: { dataDir: string; logDir: string; preferredPort?: number }): Promise<Postgres> {
  const binDir = postgresBinDir();
  if (!binDir) {
    throw new MissingPostgresError(
      'PostgreSQL is needed for EMBEDDED_TEMPORAL=server-postgres or EMBEDDED_DATABASE=postgresql, and it is not installed.\n' +
        '  Install it ("apt-get install postgresql" on Debian; POSTGRES_BIN_DIR names another folder with initdb and postgres),\n' +
        '  or choose the SQLite backends: EMBEDDED_TEMPORAL=server-sqlite EMBEDDED_DATABASE=sqlite.',
    );
  }
  const dir = join(options.dataDir, 'postgres');
  const pgdata = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  prepareForPostgresUser(options.dataDir, dir);
  const user = 'postgres';
  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    // Loopback only, trust: nothing listens beyond 127.0.0.1 and the socket lives in DATA_DIR.
    check('initdb', spawnSync(...asPostgres(join(binDir, 'initdb'), ['-D', pgdata, '-U', user, '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']), { encoding: 'utf8' }));
  }
  const port = await freePort(options.preferredPort ?? 0);
  const settings = [
    'listen_addresses=127.0.0.1',
    `unix_socket_directories=${dir}`,
    // Like SQLite's WAL with synchronous=normal that the other backends run: a crash loses at
    // most the last fraction of a second of commits, never consistency.
    'synchronous_commit=off',
    'shared_buffers=256MB',
    'max_connections=300',
    'max_wal_size=2GB',
    'work_mem=16MB',
    // FerretDB passes the field name of every pushed-down filter as a bind parameter
    // (`_jsonb->$1 @> $2`): only a custom plan sees `_jsonb->'gate'` and can use an index on it.
    'plan_cache_mode=force_custom_plan',
    'log_min_messages=warning',
  ];
  const [command, args] = asPostgres(join(binDir, 'postgres'), ['-D', pgdata, '-p', String(port), ...settings.flatMap((s) => ['-c', s])]);
  const process = startProcess('postgres', command, args, { logDir: options.logDir, stopSignal: 'SIGINT' });
  const psql = join(binDir, 'psql');
  const psqlArgs = (database: string, statement: string) => ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-tAqc', statement];
  const sql = (database: string, statement: string) => check(`psql ${statement.slice(0, 60)}`, spawnSync(psql, psqlArgs(database, statement), { encoding: 'utf8' }));
  const sqlAsync = (database: string, statement: string) =>
    new Promise<string>((resolve, reject) => {
      execFile(psql, psqlArgs(database, statement), { encoding: 'utf8' }, (error, stdout, stderr) => (error ? reject(new Error(`psql: ${stderr.trim() || error.message}`)) : resolve(stdout)));
    });
  await waitFor('PostgreSQL', async () => {
    if (process.child.exitCode !== null) throw new GiveUp(`exited; see ${process.logFile}`);
    return spawnSync(join(binDir, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]).status === 0;
  }, 60_000);
  return {
    host: '127.0.0.1',
    port,
    user,
    binDir,
    dir,
    process,
    url: (database) => `postgres://${user}@127.0.0.1:${port}/${database}`,
    ensureDatabase(name) {
      if (sql('postgres', `SELECT 1 FROM pg_database WHERE datname = '${name}'`).trim() !== '1') sql('postgres', `CREATE DATABASE "${name}"`);
    },
    sql,
    sqlAsync,
  };
}

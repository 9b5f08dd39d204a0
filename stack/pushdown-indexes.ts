// Indexes FerretDB 1.24 does not create but its own filter pushdown can use.
//
// SQLite: FerretDB pushes `_id` equality down as `_ferretdb_sjson->'$._id' = ?`, while the `_id_`
// index it creates is on `_ferretdb_sjson->"_id"`, a different expression, so SQLite scans the
// table for every lookup, update and delete by `_id` (explain: "SCAN <table>"). An index on the
// pushed-down expression itself turns those into index searches.
//
// PostgreSQL: FerretDB pushes top-level equality on scalars down as `_jsonb->'field' @> value`;
// the btree indexes it creates on `(_jsonb->'field')` cannot answer `@>`, a GIN index on the same
// expression can (PostgreSQL must plan with the field name as a constant: plan_cache_mode, see
// postgres.ts). One per field FerretDB indexes first in a compound index, plus `_id`.
//
// Both are added beside FerretDB, straight in its storage; FerretDB neither lists nor needs them,
// and dropping a collection drops them with its table.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Postgres } from './postgres.js';

export interface IndexSweep {
  tables: number;
  created: number;
  /** Why nothing was done, when nothing could be. */
  skipped?: string;
}

function sqlite3(file: string, sql: string): string {
  // .timeout: wait for FerretDB's writer instead of failing on its lock.
  const run = spawnSync('sqlite3', ['-batch', '-cmd', '.timeout 30000', file, sql], { encoding: 'utf8' });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`sqlite3 ${file}: ${run.stderr.trim()}`);
  return run.stdout;
}

/** `_id` pushdown indexes in every FerretDB SQLite database file in `dir` (or only `database`). */
export function sqliteIdIndexes(dir: string, database?: string): IndexSweep {
  if (spawnSync('sqlite3', ['-version']).status !== 0) return { tables: 0, created: 0, skipped: 'the sqlite3 command is not installed' };
  const files = database ? [`${database}.sqlite`] : existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sqlite')) : [];
  let tables = 0;
  let created = 0;
  for (const file of files) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const names = sqlite3(path, `SELECT table_name FROM _ferretdb_collections;`).split('\n').filter(Boolean).map((l) => l.trim());
    const existing = new Set(sqlite3(path, `SELECT name FROM sqlite_master WHERE type = 'index';`).split('\n').map((l) => l.trim()));
    const statements = names.filter((t) => !existing.has(`${t}_id_pushdown`)).map((t) => `CREATE INDEX IF NOT EXISTS "${t}_id_pushdown" ON "${t}" (_ferretdb_sjson->'$._id');`);
    if (statements.length) sqlite3(path, `${statements.join(' ')} ANALYZE;`);
    tables += names.length;
    created += statements.length;
  }
  return { tables, created };
}

const ginName = (table: string, field: string) => `${table.slice(0, 30)}_${field.replace(/\W/g, '').slice(0, 16)}_gin_${createHash('sha1').update(`${table}.${field}`).digest('hex').slice(0, 6)}`;

// FerretDB's own indexes (btree on `_jsonb -> 'field'`) and what exists, in every FerretDB schema or one.
const DISCOVER = (schema?: string) => `
  SELECT 'i', schemaname, tablename, indexdef FROM pg_indexes
   WHERE indexdef LIKE '%USING btree%' AND tablename NOT LIKE '\\_ferretdb%'
     AND schemaname NOT IN ('pg_catalog', 'information_schema') ${schema ? `AND schemaname = '${schema}'` : ''}
  UNION ALL
  SELECT 'e', schemaname, tablename, indexname FROM pg_indexes WHERE indexname LIKE '%\\_gin\\_%' ${schema ? `AND schemaname = '${schema}'` : ''}`;

/** The CREATE INDEX statements still missing, from DISCOVER's rows. */
function missingGinIndexes(output: string): { tables: number; statements: string[] } {
  const wanted = new Map<string, { schema: string; table: string; fields: Set<string> }>();
  const existing = new Set<string>();
  for (const line of output.split('\n').filter(Boolean)) {
    const [kind, schema, table, text] = line.split('|');
    if (kind === 'e') {
      existing.add(`${schema}.${text}`);
      continue;
    }
    // ... USING btree (((_jsonb -> 'gate'::text)), ((_jsonb -> 'priorityScore'::text)) DESC)
    const first = /_jsonb -> '([^']+)'::text/.exec(text)?.[1];
    if (!first) continue;
    const key = `${schema}.${table}`;
    const entry = wanted.get(key) ?? { schema, table, fields: new Set(['_id']) };
    entry.fields.add(first);
    wanted.set(key, entry);
  }
  const statements: string[] = [];
  for (const { schema, table, fields } of wanted.values()) {
    for (const field of fields) {
      const name = ginName(table, field);
      if (!existing.has(`${schema}.${name}`)) statements.push(`CREATE INDEX IF NOT EXISTS "${name}" ON "${schema}"."${table}" USING gin ((_jsonb -> '${field}'))`);
    }
  }
  return { tables: wanted.size, statements };
}

/** GIN indexes for FerretDB's equality pushdown in one FerretDB database (a PostgreSQL schema), or in all. */
export function postgresGinIndexes(pg: Postgres, pgDatabase: string, schema?: string): IndexSweep {
  const { tables, statements } = missingGinIndexes(pg.sql(pgDatabase, DISCOVER(schema)));
  for (const statement of statements) pg.sql(pgDatabase, statement);
  if (statements.length) pg.sql(pgDatabase, 'ANALYZE');
  return { tables, created: statements.length };
}

/**
 * Beside a running FerretDB: every few seconds, the GIN indexes its collections lack (collections
 * are created when first written, by the app or a test). Answers a function that stops it.
 */
export function keepPostgresGinIndexes(pg: Postgres, pgDatabase: string, intervalMs = 5_000): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const sweep = async () => {
    try {
      const { statements } = missingGinIndexes(await pg.sqlAsync(pgDatabase, DISCOVER()));
      for (const statement of statements) {
        if (stopped) return;
        // A collection dropped meanwhile (tests drop theirs) only makes its statement fail.
        await pg.sqlAsync(pgDatabase, statement).catch(() => {});
      }
    } catch {
      // PostgreSQL is restarting or stopping: try again next time.
    }
    if (!stopped) {
      timer = setTimeout(() => void sweep(), intervalMs);
      timer.unref();
    }
  };
  void sweep();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

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
  const run = spawnSync('sqlite3', ['-batch', file, `PRAGMA busy_timeout=30000; ${sql}`], { encoding: 'utf8' });
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

/** GIN indexes for FerretDB's equality pushdown in one FerretDB database (a PostgreSQL schema). */
export function postgresGinIndexes(pg: Postgres, pgDatabase: string, schema: string): IndexSweep {
  const rows = pg
    .sql(pgDatabase, `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = '${schema}' AND tablename NOT LIKE '\\_ferretdb%' AND indexdef LIKE '%USING btree%'`)
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('|'));
  const wanted = new Map<string, Set<string>>();
  for (const [table, definition] of rows) {
    // ... USING btree (((_jsonb -> 'gate'::text)), ((_jsonb -> 'priorityScore'::text)) DESC)
    const first = /_jsonb -> '([^']+)'::text/.exec(definition)?.[1];
    if (!first) continue;
    const fields = wanted.get(table) ?? new Set(['_id']);
    fields.add(first);
    wanted.set(table, fields);
  }
  const existing = new Set(pg.sql(pgDatabase, `SELECT indexname FROM pg_indexes WHERE schemaname = '${schema}'`).split('\n').map((l) => l.trim()));
  let created = 0;
  for (const [table, fields] of wanted) {
    for (const field of fields) {
      const name = ginName(table, field);
      if (existing.has(name)) continue;
      pg.sql(pgDatabase, `CREATE INDEX IF NOT EXISTS "${name}" ON "${schema}"."${table}" USING gin ((_jsonb -> '${field}'))`);
      created += 1;
    }
  }
  if (created) pg.sql(pgDatabase, `ANALYZE`);
  return { tables: wanted.size, created };
}

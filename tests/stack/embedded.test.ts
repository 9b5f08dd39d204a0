// Which embedded services a start chooses: EMBEDDED_TEMPORAL / EMBEDDED_DATABASE when set, the
// defaults otherwise, and SQLite when a default needs a PostgreSQL this machine cannot run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE, DEFAULT_TEMPORAL, embeddedChoice, FALLBACK_DATABASE, FALLBACK_TEMPORAL, requiredTools } from '../../stack/services.js';

const dataDir = mkdtempSync(join(tmpdir(), 'endringsporten-choice-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const noPostgres = { PATH: process.env.PATH, POSTGRES_BIN_DIR: join(dataDir, 'nowhere') };

describe('the embedded services a start chooses', () => {
  it('are the defaults when nothing is set and PostgreSQL can run here, or their SQLite fallbacks with a notice when it cannot', () => {
    const here = embeddedChoice(dataDir, { PATH: process.env.PATH });
    expect([DEFAULT_TEMPORAL, FALLBACK_TEMPORAL]).toContain(here.temporal);
    expect([DEFAULT_DATABASE, FALLBACK_DATABASE]).toContain(here.database);

    const without = embeddedChoice(dataDir, noPostgres);
    expect(without.temporal).toBe(DEFAULT_TEMPORAL === 'server-postgres' ? FALLBACK_TEMPORAL : DEFAULT_TEMPORAL);
    expect(without.database).toBe(DEFAULT_DATABASE === 'postgresql' ? FALLBACK_DATABASE : DEFAULT_DATABASE);
    if (DEFAULT_TEMPORAL === 'server-postgres' || DEFAULT_DATABASE === 'postgresql') expect(without.notice).toMatch(/PostgreSQL is not installed.*SQLite/);
  });

  it('honours EMBEDDED_TEMPORAL and EMBEDDED_DATABASE as set, even without PostgreSQL (the start then says what is missing)', () => {
    expect(embeddedChoice(dataDir, { ...noPostgres, EMBEDDED_TEMPORAL: 'server-postgres', EMBEDDED_DATABASE: 'postgresql' })).toEqual({ temporal: 'server-postgres', database: 'postgresql', notice: null });
    expect(embeddedChoice(dataDir, { ...noPostgres, EMBEDDED_TEMPORAL: 'dev-server', EMBEDDED_DATABASE: 'sqlite' })).toEqual({ temporal: 'dev-server', database: 'sqlite', notice: null });
    expect(() => embeddedChoice(dataDir, { EMBEDDED_TEMPORAL: 'cassandra' })).toThrow(/EMBEDDED_TEMPORAL=cassandra is not one of dev-server, server-sqlite, server-postgres/);
  });

  it('builds only the binaries the chosen services need', () => {
    expect(requiredTools({ ...noPostgres, EMBEDDED_TEMPORAL: 'dev-server' }, dataDir)).toEqual(['temporal', 'ferretdb', 'mailpit']);
    expect(requiredTools({ ...noPostgres, EMBEDDED_TEMPORAL: 'server-postgres' }, dataDir)).toEqual(['temporal-server', 'temporal-sql-tool', 'ferretdb', 'mailpit']);
    expect(requiredTools({ ...noPostgres, TEMPORAL_ADDRESS: 'elsewhere:7233', SMTP_URL: 'smtp://elsewhere' }, dataDir)).toEqual(['ferretdb']);
  });
});

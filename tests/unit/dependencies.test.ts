// Dependencies point one way: workflows → domain; activities → domain, store, logging; api →
// domain, store, logging, workflows/definitions; domain imports nothing with I/O. Checked at the source.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../helpers/imports.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Folders (or single modules) each folder's code may import values from, besides itself. */
const ALLOWED: Record<string, string[]> = {
  domain: [],
  config: [],
  store: ['domain'],
  logging: ['domain'],
  workflows: ['domain'],
  activities: ['domain', 'store', 'config', 'logging'],
  api: ['domain', 'store', 'config', 'logging', 'workflows/definitions.ts'],
};

/** Packages that do I/O or need Node; domain/ must stay free of them (the console imports it). */
const NOT_IN_DOMAIN = /^(node:|mongoose|mongodb|nodemailer|express|@temporalio\/(client|worker|activity|workflow)|pino|fs|path|crypto)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function violations(folder: string): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(join(root, folder))) {
    for (const { specifier, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
      const from = relative(root, file);
      if (!specifier.startsWith('.')) {
        if (folder === 'domain' && NOT_IN_DOMAIN.test(specifier)) found.push(`${from} imports ${specifier}`);
        continue;
      }
      const target = relative(root, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts');
      if (target.startsWith(`${folder}/`)) continue;
      // Workflows proxy their activities by type only (the Temporal pattern); types cost no coupling at run time.
      if (typeOnly && folder === 'workflows' && target.startsWith('activities/')) continue;
      if (!ALLOWED[folder].some((allowed) => target === allowed || target.startsWith(`${allowed}/`))) found.push(`${from} imports ${target}`);
    }
  }
  return found;
}

describe('dependencies point one way', () => {
  it.each(Object.keys(ALLOWED))('%s/ imports only what it may', (folder) => {
    expect(violations(folder)).toEqual([]);
  });
});

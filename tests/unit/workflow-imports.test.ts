// Determinism guard at the source level: workflow code imports no Node built-ins, no I/O
// libraries and no activity implementations (only their types) — also through the domain
// modules it imports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../helpers/imports.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const workflowsDir = join(root, 'workflows');
const domainDir = join(root, 'domain');
const ALLOWED_PACKAGES = ['@temporalio/workflow', '@temporalio/common'];

/** What a workflow file pulls into the bundle: its value imports, followed through local modules. */
function bundledImports(file: string, seen = new Set<string>()): { from: string; specifier: string }[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const found: { from: string; specifier: string }[] = [];
  for (const { specifier, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
    if (typeOnly) continue;
    if (!specifier.startsWith('.')) {
      found.push({ from: relative(root, file), specifier });
      continue;
    }
    const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
    const inside = target.startsWith(workflowsDir) || target.startsWith(domainDir);
    if (!inside || !existsSync(target)) found.push({ from: relative(root, file), specifier });
    else found.push(...bundledImports(target, seen));
  }
  return found;
}

describe('workflow code', () => {
  const files = readdirSync(workflowsDir).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s imports only deterministic modules', (file) => {
    const offending = bundledImports(join(workflowsDir, file)).filter(({ specifier }) => !ALLOWED_PACKAGES.includes(specifier));
    expect(offending).toEqual([]);
  });

  it.each(files)('%s does not read the wall clock or randomness outside the SDK', (file) => {
    const source = readFileSync(join(workflowsDir, file), 'utf8');
    expect(source).not.toMatch(/\bperformance\.now\(|process\.|setTimeout\(|crypto\./);
  });
});

// Determinism guard at the source level: workflow code imports no Node built-ins, no I/O
// libraries and no activity implementations (only their types).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const workflowsDir = fileURLToPath(new URL('../../workflows', import.meta.url));
const ALLOWED_PACKAGES = ['@temporalio/workflow', '@temporalio/common'];
const ALLOWED_LOCAL = [/^\.\/[\w-]+\.js$/, /^\.\.\/domain\/(types|search-attributes)\.js$/];

function importsOf(source: string): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    found.push({ specifier: match[3], typeOnly: Boolean(match[2]) });
  }
  return found;
}

describe('workflow code', () => {
  const files = readdirSync(workflowsDir).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s imports only deterministic modules', (file) => {
    const source = readFileSync(join(workflowsDir, file), 'utf8');
    const offending = importsOf(source)
      .filter(({ specifier, typeOnly }) => {
        if (typeOnly) return false;
        if (ALLOWED_PACKAGES.includes(specifier)) return false;
        return !ALLOWED_LOCAL.some((pattern) => pattern.test(specifier));
      })
      .map(({ specifier }) => specifier);
    expect(offending).toEqual([]);
  });

  it.each(files)('%s does not read the wall clock or randomness outside the SDK', (file) => {
    const source = readFileSync(join(workflowsDir, file), 'utf8');
    expect(source).not.toMatch(/\bperformance\.now\(|process\.|setTimeout\(|crypto\./);
  });
});

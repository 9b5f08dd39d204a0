// The import statements of a TypeScript source, for the tests that guard what imports what.
export function importsOf(source: string): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    found.push({ specifier: match[3], typeOnly: Boolean(match[2]) });
  }
  return found;
}

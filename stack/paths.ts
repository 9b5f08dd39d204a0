import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export function dataDirFrom(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(repoRoot, env.DATA_DIR ?? '.data');
}

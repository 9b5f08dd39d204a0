import { fileURLToPath } from 'node:url';

/** The worker bundles workflow code from here (only workflow functions are exported). */
export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

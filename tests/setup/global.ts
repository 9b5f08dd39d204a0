// vitest global setup: the real Temporal dev server, FerretDB and Mailpit on free ports with a
// throw-away data directory, so the suite runs beside a developer's `npm start`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startStack } from '../../stack/services.js';
import { stopAll } from '../../stack/processes.js';
import { workflowsPath } from '../../worker/paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    mongodbUri: string;
    smtpUrl: string;
    mailboxUrl: string;
    workflowBundlePath: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'endringsporten-test-'));
  const stack = await startStack({ dataDir, ports: 'free', temporalUi: false, env: {} });
  // One bundle for every suite: bundling takes seconds, and each test file starts its own worker.
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: quietLogger });
  const workflowBundlePath = join(dataDir, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, code);

  project.provide('temporalAddress', stack.temporalAddress);
  project.provide('mongodbUri', stack.mongodbUri);
  project.provide('smtpUrl', stack.smtpUrl);
  project.provide('mailboxUrl', stack.mailboxUrl!);
  project.provide('workflowBundlePath', workflowBundlePath);
  project.provide('dataDir', dataDir);

  return async () => {
    await stopAll();
    if (!process.env.KEEP_TEST_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
}

const quietLogger = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn(message: string) {
    console.warn(message);
  },
  error(message: string) {
    console.error(message);
  },
};

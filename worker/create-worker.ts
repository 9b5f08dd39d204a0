// Builds a Temporal worker hosting the initiative workflow and its activities.
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import type { Mailer } from '../activities/mailer.js';
import type { Config } from '../config/config.js';
import type { Models } from '../store/models/index.js';
import { activityLogContext } from './logging.js';
import { workflowsPath } from './paths.js';

export interface WorkerOptions {
  config: Config;
  models: Models;
  mailer: Mailer;
  connection: NativeConnection;
  /** Tests pass a pre-built bundle so each suite does not bundle again. */
  workflowBundlePath?: string;
  clock?: () => Date;
  maxCachedWorkflows?: number;
}

export async function createWorker(options: WorkerOptions): Promise<Worker> {
  const activities = createActivities({
    models: options.models,
    mailer: options.mailer,
    clock: options.clock ?? (() => new Date()),
    publicUrl: options.config.publicUrl,
    mailFrom: options.config.mailFrom,
    linkLifetimeDays: 30,
  });
  return Worker.create({
    connection: options.connection,
    namespace: options.config.temporal.namespace,
    taskQueue: options.config.temporal.taskQueue,
    activities,
    ...(options.workflowBundlePath ? { workflowBundle: { codePath: options.workflowBundlePath } } : { workflowsPath }),
    maxCachedWorkflows: options.maxCachedWorkflows,
    interceptors: { activity: [activityLogContext] },
  });
}

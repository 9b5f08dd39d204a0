// A worker child process for the bench: `app` hosts the real initiative workflow and activities
// (as worker/main.ts does), `bare` the baseline skeleton with activities that do nothing. The
// bench passes the tuning that worker/main.ts leaves at the SDK defaults.
import { DefaultLogger, NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { createSmtpMailer } from '../activities/mailer.js';
import { loadConfig } from '../config/config.js';
import { connectDatabase } from '../store/database.js';
import { bareActivities } from './bare-activities.js';

const number = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

async function main() {
  const mode = process.env.BENCH_WORKER_MODE === 'bare' ? 'bare' : 'app';
  const config = loadConfig();
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } } });
  const db = mode === 'app' ? await connectDatabase(config.mongodbUri) : null;
  const mailer = mode === 'app' ? createSmtpMailer(config.smtpUrl) : null;
  const activities = db && mailer
    ? createActivities({ models: db.models, mailer, clock: () => new Date(), publicUrl: config.publicUrl, mailFrom: config.mailFrom, linkLifetimeDays: 30 })
    : bareActivities;
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities,
    workflowBundle: { codePath: process.env.BENCH_WORKFLOW_BUNDLE! },
    maxCachedWorkflows: number('BENCH_MAX_CACHED_WORKFLOWS'),
    maxConcurrentWorkflowTaskExecutions: number('BENCH_WFT_SLOTS'),
    maxConcurrentActivityTaskExecutions: number('BENCH_ACTIVITY_SLOTS'),
  });
  console.log(`worker ready (${mode}) on "${config.temporal.taskQueue}", cache ${worker.options.maxCachedWorkflows}`);
  await worker.run();
  await connection.close();
  mailer?.close();
  await db?.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// A worker child process for the bench: `app` hosts the real initiative workflow and activities
// (as worker/main.ts does), `bare` the baseline skeleton whose activities do the same database
// and SMTP work by _id with the raw driver. The bench passes the tuning that worker/main.ts leaves
// at the SDK defaults.
import { DefaultLogger, NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { createSmtpMailer } from '../activities/mailer.js';
import { loadConfig } from '../config/config.js';
import { connectDatabase } from '../store/database.js';
import { MongoClient } from 'mongodb';
import { createBareActivities, createNoopActivities } from './bare-activities.js';

const number = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

async function main() {
  const mode = (['bare', 'noop'] as const).find((m) => m === process.env.BENCH_WORKER_MODE) ?? 'app';
  const config = loadConfig();
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } } });
  const db = mode === 'app' ? await connectDatabase(config.mongodbUri) : null;
  const bareClient = mode === 'bare' ? await MongoClient.connect(config.mongodbUri) : null;
  const mailer = createSmtpMailer(mode === 'noop' ? 'smtp://127.0.0.1:9' : config.smtpUrl);
  const activities = db
    ? createActivities({ models: db.models, mailer, clock: () => new Date(), publicUrl: config.publicUrl, mailFrom: config.mailFrom, linkLifetimeDays: 30 })
    : bareClient
      ? createBareActivities({ db: bareClient.db(), mailer, mailFrom: config.mailFrom })
      : createNoopActivities();
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
  mailer.close();
  await db?.close();
  await bareClient?.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

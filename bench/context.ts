// What every scenario gets: the candidate stack it runs on, the two workflow bundles, and a way
// to start the product (API and worker child processes) on a database and task queue of its own.
import { Client, Connection } from '@temporalio/client';
import { MongoClient, type Db } from 'mongodb';
import { DEFAULT_CHECKLISTS } from '../domain/checklists.js';
import { GATES } from '../domain/types.js';
import { loadConfig, type Config } from '../config/config.js';
import { freePort } from '../stack/ports.js';
import type { BenchOptions } from './options.js';
import { databaseUri, startApiProcess, startWorkerProcess, type AppProcess, type BenchStack, type WorkerTuning } from './stack.js';

export const ADMIN = { email: 'bench-admin@bench.kommune.test', password: 'bench-admin-passord-1' };

export interface BenchContext {
  options: BenchOptions;
  stack: BenchStack;
  /** The run's folder; each stack has a folder of its own inside it (stack.dataDir). */
  dataDir: string;
  logDir: string;
  bundles: { app: string; bare: string };
  temporal: Client;
  mongo: MongoClient;
  log(message: string): void;
}

export async function connectClients(stack: BenchStack): Promise<{ temporal: Client; connection: Connection; mongo: MongoClient }> {
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const mongo = await MongoClient.connect(stack.mongodbBase, { maxPoolSize: 20 });
  return { temporal: new Client({ connection }), connection, mongo };
}

export interface ProductInstance {
  config: Config;
  db: Db;
  api: (AppProcess & { baseUrl: string }) | null;
  worker: AppProcess | null;
  stop(): Promise<void>;
}

/**
 * The product on database `bench_<name>` and task queue `bench-<name>`: the worker always, the
 * API when asked. PUBLIC_URL points at the API, so emailed links reach it.
 */
export async function startProduct(
  ctx: BenchContext,
  name: string,
  parts: { api: boolean; worker: boolean; tuning?: WorkerTuning },
): Promise<ProductInstance> {
  const port = await freePort(0);
  const mongodbUri = databaseUri(ctx.stack.mongodbBase, `bench_${name}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    TEMPORAL_ADDRESS: ctx.stack.temporalAddress,
    TEMPORAL_TASK_QUEUE: `bench-${name}`,
    MONGODB_URI: mongodbUri,
    SMTP_URL: ctx.stack.smtpUrl,
    MAILBOX_URL: ctx.stack.mailboxUrl,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    DEMO_DATA: 'false',
  };
  const config = loadConfig(env);
  const worker = parts.worker
    ? await startWorkerProcess({ name: `worker-${name}`, mode: 'app', bundlePath: ctx.bundles.app, env, tuning: parts.tuning ?? ctx.options.tuning, logDir: ctx.logDir })
    : null;
  const api = parts.api ? await startApiProcess(`api-${name}`, env, ctx.logDir) : null;
  return {
    config,
    db: ctx.mongo.db(`bench_${name}`),
    api,
    worker,
    async stop() {
      await api?.stop();
      await worker?.stop();
    },
  };
}

/**
 * A baseline worker on task queue `bench-<name>` whose activities write to database
 * `bench_<name>` on the same server and send through the same SMTP server as the product's.
 */
export async function startBareWorker(ctx: BenchContext, name: string, tuning?: WorkerTuning): Promise<AppProcess & { taskQueue: string; db: Db }> {
  const taskQueue = `bench-${name}`;
  const database = `bench_${name.replace(/\W/g, '_')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    TEMPORAL_ADDRESS: ctx.stack.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    MONGODB_URI: databaseUri(ctx.stack.mongodbBase, database),
    SMTP_URL: ctx.stack.smtpUrl,
  };
  const worker = await startWorkerProcess({ name: `worker-${name}`, mode: 'bare', bundlePath: ctx.bundles.bare, env, tuning: tuning ?? ctx.options.tuning, logDir: ctx.logDir });
  return { ...worker, taskQueue, db: ctx.mongo.db(database) };
}

/**
 * Short `elapsed` escalation policies, long enough that nothing escalates during a run; checklists
 * without mandatory items and benefits realised on their first measurement at the target (the
 * tests' calm policies), so the walk is four decisions and a measurement on both sides: the
 * baseline has no checklist marks or second measurement to mirror.
 */
export async function calmPolicies(db: Db, remindAfter = 'PT1H'): Promise<void> {
  for (const gate of GATES) {
    await db.collection('policies').updateOne(
      { _id: gate as never },
      {
        $set: {
          remindAfter, escalateAfter: 'PT2H', stalledAfter: 'PT3H', calendar: 'elapsed',
          reportEvery: gate === 'implementation' ? 'PT1H' : null, offTrackTolerance: 0.1,
          ...(gate === 'benefit-realisation' ? { sustainedMeasurements: 1 } : {}), updatedAt: new Date(),
        },
        $setOnInsert: { createdAt: new Date() },
      },
      { upsert: true },
    );
    await db.collection('checklists').updateOne(
      { _id: gate as never },
      { $set: { items: DEFAULT_CHECKLISTS[gate].map((item) => ({ ...item, mandatory: false })), updatedAt: new Date() }, $setOnInsert: { createdAt: new Date() } },
      { upsert: true },
    );
  }
}

// The gate engine on the real services for one test file: its own database, task queue and worker.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, makeTelemetryFilterString, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { createSmtpMailer, type Mailer } from '../../activities/mailer.js';
import { loadConfig, type Config } from '../../config/config.js';
import { connectDatabase, type Database } from '../../store/database.js';
import { createWorker } from '../../worker/create-worker.js';
import { createMailbox } from './mailbox.js';

let runtimeInstalled = false;

export function uniqueDatabaseUri(base: string): string {
  return base.replace(/\/[^/?]*(\?|$)/, `/ep_${randomUUID().slice(0, 8)}$1`);
}

export interface Engine {
  config: Config;
  db: Database;
  client: Client;
  worker: Worker;
  mailer: Mailer;
  mailbox: ReturnType<typeof createMailbox>;
  stop(): Promise<void>;
}

export async function startEngine(overrides: Record<string, string> = {}): Promise<Engine> {
  if (!runtimeInstalled) {
    runtimeInstalled = true;
    try {
      Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }) } } });
    } catch {
      // already installed by another helper in this test file
    }
  }
  const config = loadConfig({
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    MONGODB_URI: uniqueDatabaseUri(inject('mongodbUri')),
    SMTP_URL: inject('smtpUrl'),
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    PUBLIC_URL: 'http://127.0.0.1:9',
    ...overrides,
  });
  const db = await connectDatabase(config.mongodbUri);
  const mailer = createSmtpMailer(config.smtpUrl);
  const nativeConnection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await createWorker({
    config,
    models: db.models,
    mailer,
    connection: nativeConnection,
    workflowBundlePath: inject('workflowBundlePath'),
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace });
  return {
    config,
    db,
    client,
    worker,
    mailer,
    mailbox: createMailbox(inject('mailboxUrl')),
    async stop() {
      worker.shutdown();
      await running;
      await nativeConnection.close();
      await connection.close();
      mailer.close();
      await db.close();
    },
  };
}

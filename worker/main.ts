// The worker process: `node --import tsx worker/main.ts`.
import { DefaultLogger, NativeConnection, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { createSmtpMailer } from '../activities/mailer.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { connectDatabase } from '../store/database.js';
import { createWorker } from './create-worker.js';

async function main() {
  const config = loadConfig();
  Runtime.install({ logger: new DefaultLogger(config.logLevel === 'debug' ? 'DEBUG' : 'WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } } });
  const db = await connectDatabase(config.mongodbUri);
  const mailer = createSmtpMailer(config.smtpUrl);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await createWorker({ config, models: db.models, mailer, connection });
  console.log(`worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`);
  // worker.run() resolves after SIGINT/SIGTERM once in-flight tasks are done (the SDK installs the handlers).
  await worker.run();
  await connection.close();
  mailer.close();
  await db.close();
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

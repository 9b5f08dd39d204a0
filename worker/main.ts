// The worker process: `node --import tsx worker/main.ts`.
import { NativeConnection, Runtime } from '@temporalio/worker';
import { createSmtpMailer } from '../activities/mailer.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { createLogger, logger, useLogger } from '../logging/logger.js';
import { connectDatabase } from '../store/database.js';
import { createWorker } from './create-worker.js';
import { runtimeLogging } from './logging.js';

async function main() {
  const config = loadConfig();
  useLogger(createLogger({ level: config.logLevel, production: config.production, name: 'worker' }));
  Runtime.install(runtimeLogging(config.logLevel));
  const db = await connectDatabase(config.mongodbUri);
  const mailer = createSmtpMailer(config.smtpUrl);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await createWorker({ config, models: db.models, mailer, connection });
  logger.info({ taskQueue: config.temporal.taskQueue, temporal: config.temporal.address }, `worker polling task queue "${config.temporal.taskQueue}"`);
  // worker.run() resolves after SIGINT/SIGTERM once in-flight tasks are done (the SDK installs the handlers).
  await worker.run();
  await connection.close();
  mailer.close();
  await db.close();
}

main().catch((error) => {
  if (error instanceof ConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'the worker stopped');
  process.exit(1);
});

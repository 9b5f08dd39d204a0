// The API process: `node --import tsx api/server.ts`.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config/config.js';
import { connectDatabase } from '../store/database.js';
import { normaliseEmail } from '../domain/accounts.js';
import { DEFAULT_CHECKLISTS } from '../domain/checklists.js';
import { DEFAULT_POLICIES } from '../domain/policy.js';
import { GATES } from '../domain/types.js';
import { createApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import type { AppContext } from './context.js';
import { connectTemporal, createWorkflowGateway } from './temporal.js';
import { createLogger, logger, useLogger } from '../logging/logger.js';

/** Default escalation policies and checklists for gates that have none yet. */
export async function ensurePolicies(context: AppContext) {
  const { Policy, Checklist } = context.db.models;
  for (const gate of GATES) {
    await Policy.updateOne({ _id: gate }, { $setOnInsert: { ...DEFAULT_POLICIES[gate] } }, { upsert: true });
    await Checklist.updateOne({ _id: gate }, { $setOnInsert: { items: DEFAULT_CHECKLISTS[gate] } }, { upsert: true });
  }
}

/** ADMIN_EMAIL/ADMIN_PASSWORD make sure that administrator exists; otherwise a first one is created once. */
export async function ensureAdministrator(context: AppContext) {
  const { Person } = context.db.models;
  const admin = context.config.admin;
  if (admin) {
    await Person.updateOne(
      { email: normaliseEmail(admin.email) },
      { $set: { passwordHash: await hashPassword(admin.password), active: true }, $setOnInsert: { name: 'Administrator', locale: 'nb' }, $addToSet: { roles: 'admin' } },
      { upsert: true },
    );
    return;
  }
  // Only when nobody at all can log in: an administrator can always give out roles later.
  if (await Person.exists({ passwordHash: { $type: 'string' } })) return;
  const password = randomBytes(12).toString('base64url');
  await Person.updateOne(
    { email: 'admin@endringsporten.local' },
    { $set: { passwordHash: await hashPassword(password), name: 'Administrator' }, $addToSet: { roles: 'admin' } },
    { upsert: true },
  );
  // Printed, not logged: the one time the password is shown to the person who started the service.
  console.log(
    [
      '',
      '  ┌─ First administrator created ─────────────────────────────',
      '  │ email:    admin@endringsporten.local',
      `  │ password: ${password}`,
      '  │ Shown only now. Set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own.',
      '  └───────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
}

export function startServer(context: AppContext, port = context.config.port): Promise<Server> {
  const app = createApp(context);
  return new Promise((resolve) => {
    const server = app.listen(port, () => resolve(server));
  });
}

/** The demo municipality, when asked for and the database has no initiatives yet. */
async function seedDemoDataIfEmpty(context: AppContext) {
  if (!context.config.demoData || (await context.db.models.Initiative.estimatedDocumentCount()) > 0) return;
  let demo: { seedDemoData(context: AppContext): Promise<void> };
  try {
    demo = await import('./demo-data.js');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    logger.warn('DEMO_DATA is true, but this build has no demo data; starting empty');
    return;
  }
  await demo.seedDemoData(context);
}

/** A start-up failure that names what to fix, instead of a driver's stack trace. */
class StartupError extends Error {}

async function reach<T>(what: string, variable: string, value: string, connect: () => Promise<T>): Promise<T> {
  try {
    return await connect();
  } catch (error) {
    throw new StartupError(`cannot reach ${what} at ${variable}=${value}: ${(error as Error).message}`);
  }
}

async function main() {
  const config = loadConfig();
  useLogger(createLogger({ level: config.logLevel, production: config.production, name: 'api' }));
  const db = await reach('the database', 'MONGODB_URI', redactCredentials(config.mongodbUri), () => connectDatabase(config.mongodbUri));
  const { client, connection } = await reach('Temporal', 'TEMPORAL_ADDRESS', config.temporal.address, () => connectTemporal(config));
  const context: AppContext = { config, db, workflows: createWorkflowGateway(client, config, connection) };
  await ensurePolicies(context);
  await ensureAdministrator(context);
  await seedDemoDataIfEmpty(context);
  const server = await startServer(context);
  logger.info({ port: (server.address() as AddressInfo).port, publicUrl: config.publicUrl }, `API listening on http://localhost:${(server.address() as AddressInfo).port}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'closing the API');
    // Stop accepting, let requests in flight finish, then drop what is left idle.
    const closed = new Promise((done) => server.close(done));
    server.closeIdleConnections();
    const forced = setTimeout(() => server.closeAllConnections(), 10_000).unref();
    await closed;
    clearTimeout(forced);
    await context.workflows.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

const redactCredentials = (uri: string) => uri.replace(/\/\/[^@/]*@/, '//***@');

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error) => {
    const known = error instanceof ConfigError || error instanceof StartupError;
    if (known) logger.fatal(`Endringsporten API cannot start: ${error.message}`);
    else logger.fatal({ err: error }, 'Endringsporten API cannot start');
    process.exit(1);
  });
}

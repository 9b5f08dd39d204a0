// The API process: `node --import tsx api/server.ts`.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../domain/config.js';
import { connectDatabase } from '../domain/database.js';
import { DEFAULT_POLICIES } from '../domain/policy-defaults.js';
import { GATES } from '../domain/types.js';
import { createApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import type { AppContext } from './context.js';
import { connectTemporal, createWorkflowGateway } from './temporal.js';

/** Default escalation policies for gates that have none yet. */
export async function ensurePolicies(context: AppContext) {
  for (const gate of GATES) {
    await context.db.models.Policy.updateOne({ _id: gate }, { $setOnInsert: { ...DEFAULT_POLICIES[gate] } }, { upsert: true });
  }
}

/** ADMIN_EMAIL/ADMIN_PASSWORD make sure that administrator exists; otherwise a first one is created once. */
export async function ensureAdministrator(context: AppContext) {
  const { Person } = context.db.models;
  const admin = context.config.admin;
  if (admin) {
    await Person.updateOne(
      { email: admin.email.toLowerCase() },
      { $set: { passwordHash: await hashPassword(admin.password) }, $setOnInsert: { name: 'Administrator', locale: 'nb' }, $addToSet: { roles: 'admin' } },
      { upsert: true },
    );
    return;
  }
  if (await Person.exists({ roles: 'admin', passwordHash: { $type: 'string' } })) return;
  const password = randomBytes(12).toString('base64url');
  await Person.updateOne(
    { email: 'admin@endringsporten.local' },
    { $set: { passwordHash: await hashPassword(password), name: 'Administrator' }, $addToSet: { roles: 'admin' } },
    { upsert: true },
  );
  console.log(`\n  First administrator created: admin@endringsporten.local / ${password}\n  (change the password in the console)\n`);
}

export function startServer(context: AppContext, port = context.config.port): Promise<Server> {
  const app = createApp(context);
  return new Promise((resolve) => {
    const server = app.listen(port, () => resolve(server));
  });
}

async function main() {
  const config = loadConfig();
  const db = await connectDatabase(config.mongodbUri);
  const { client, connection } = await connectTemporal(config);
  const context: AppContext = { config, db, workflows: createWorkflowGateway(client, config, connection) };
  await ensurePolicies(context);
  await ensureAdministrator(context);
  if (config.demoData) {
    const { seedDemoData } = await import('./demo-data.js');
    await seedDemoData(context);
  }
  const server = await startServer(context);
  console.log(`API listening on http://localhost:${config.port}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeIdleConnections();
    await context.workflows.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}

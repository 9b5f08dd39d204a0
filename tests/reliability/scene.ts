// A scene for one fault scenario: a private stack, this test's own database connection and
// Temporal client, a municipality with calm policies, and cleanup that survives a failed test.
import { Client, Connection } from '@temporalio/client';
import { createWorkflowGateway } from '../../api/temporal.js';
import { loadConfig } from '../../config/config.js';
import { connectDatabase } from '../../store/database.js';
import type { Gate } from '../../domain/types.js';
import { workflowIdFor, type WorkflowState } from '../../workflows/definitions.js';
import { startFaultStack, stopFaultStacks, type WorkerProcess } from '../helpers/faults.js';
import { addBenefit, calmPolicies, createInitiativeDoc, createMunicipality } from '../helpers/fixtures.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export const alive = (worker: WorkerProcess) => worker.process.child.exitCode === null && worker.process.child.signalCode === null;

/** Everything a test opened, so afterAll can close it when the test fails half-way. */
const opened = new Set<{ close(): Promise<void> }>();

export function track<T extends { close(): Promise<void> }>(resource: T): T {
  opened.add(resource);
  return resource;
}

export async function release(resource: { close(): Promise<void> }): Promise<void> {
  opened.delete(resource);
  await resource.close();
}

export async function releaseAll(): Promise<void> {
  for (const resource of [...opened].reverse()) await release(resource).catch(() => {});
  await stopFaultStacks();
}

export type Scene = Awaited<ReturnType<typeof openScene>>;

export async function openScene() {
  const stack = await startFaultStack();
  const db = await connectDatabase(stack.mongodbUri);
  db.connection.on('error', () => {}); // this test's own connection sees the outages it causes
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection });
  const config = loadConfig({ TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_TASK_QUEUE: stack.taskQueue, MONGODB_URI: stack.mongodbUri, SMTP_URL: stack.smtpUrl });
  const gateway = createWorkflowGateway(client, config);
  const town = await createMunicipality(db.models);
  await calmPolicies(db.models);
  const models = db.models;
  return track({
    stack,
    models,
    client,
    town,
    async startInitiatives(count: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const id = await createInitiativeDoc(models, town);
        await addBenefit(models, id, town.owner);
        await gateway.start(id, 'project');
        ids.push(id);
      }
      return ids;
    },
    decide(id: string, gate: Gate, decision: 'approve' | 'reject', actorId: string): Promise<WorkflowState> {
      return gateway.decide(id, { gate, decision, comment: `${decision} under fault`, actorId, channel: 'api' });
    },
    result: (id: string) => client.workflow.getHandle(workflowIdFor(id)).result() as Promise<WorkflowState>,
    sentCount: (ids: string[], filter: Record<string, unknown> = {}) => models.Email.countDocuments({ initiativeId: { $in: ids }, status: 'sent', ...filter }),
    readModel: async (id: string) => (await models.Initiative.findById(id).lean())!,
    async close() {
      await connection.close();
      await db.close();
      await stack.stop();
    },
  });
}

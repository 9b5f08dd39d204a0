// Chaos soak (`npm run test:soak`): the worker is SIGKILLed every few seconds of its life while initiatives
// move through all four gates. Reports workflows lost or stuck, duplicate decisions, and emails
// delivered against those recorded as sent. Bounded in time; exits non-zero on any loss.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { recordMeasurement } from '../../api/measurements.js';
import { createWorkflowGateway } from '../../api/temporal.js';
import { loadConfig } from '../../config/config.js';
import { connectDatabase } from '../../store/database.js';
import { repoRoot } from '../../stack/paths.js';
import { stopAll } from '../../stack/processes.js';
import { startStack } from '../../stack/services.js';
import { workflowIdFor } from '../../workflows/definitions.js';
import { addBenefit, calmPolicies, createInitiativeDoc, createMunicipality } from '../helpers/fixtures.js';

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const initiatives = Number(process.env.SOAK_INITIATIVES ?? 20);
const killEveryMs = Number(process.env.SOAK_KILL_EVERY_MS ?? 3_000);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'endringsporten-soak-'));
  const stack = await startStack({ dataDir, ports: 'free', temporalUi: false, env: {} });
  const config = loadConfig({
    TEMPORAL_ADDRESS: stack.temporalAddress,
    MONGODB_URI: stack.mongodbUri,
    SMTP_URL: stack.smtpUrl,
    TEMPORAL_TASK_QUEUE: `soak-${randomUUID()}`,
    PUBLIC_URL: 'http://127.0.0.1:9',
  });
  const db = await connectDatabase(config.mongodbUri);
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection });
  const workflows = createWorkflowGateway(client, config);
  const context = { config, db, workflows };

  let worker: ChildProcess | undefined;
  let kills = 0;
  let killTimer: NodeJS.Timeout | undefined;
  const startupMs: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  // Each worker is killed SOAK_KILL_EVERY_MS after it starts polling: a fixed interval from the
  // spawn would kill most workers while they still bundle the workflow code, and test nothing.
  const startWorker = () => {
    const spawnedAt = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'worker/main.ts')], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'info', TEMPORAL_ADDRESS: config.temporal.address, MONGODB_URI: config.mongodbUri, SMTP_URL: config.smtpUrl, TEMPORAL_TASK_QUEUE: config.temporal.taskQueue, PUBLIC_URL: config.publicUrl },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    worker = child;
    let polling = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      if (polling || !/worker polling task queue/.test(String(chunk))) return;
      polling = true;
      startupMs.push(Date.now() - spawnedAt);
      killTimer = setTimeout(() => {
        if (Date.now() > deadline || worker !== child) return;
        child.kill('SIGKILL');
        kills += 1;
        startWorker();
      }, killEveryMs);
    });
  };
  startWorker();
  // Every unfinished workflow's result() listens on it: one per initiative.
  const stopWaiting = new AbortController();
  setMaxListeners(initiatives + 10, stopWaiting.signal);

  try {
    const town = await createMunicipality(db.models);
    await calmPolicies(db.models);
    const ids: string[] = [];
    for (let i = 0; i < initiatives; i++) {
      const id = await createInitiativeDoc(db.models, town);
      await addBenefit(db.models, id, town.owner, { measureEvery: 'PT2S', followUpUntil: new Date(deadline + 60_000) });
      await workflows.start(id, 'project');
      ids.push(id);
    }
    const drive = async (id: string) => {
      // Like a person at the console: a 503 (the worker is down, the update timed out) is tried
      // again; a 409 after such a retry means the first attempt went through.
      const decide = async (gate: string, actorId: string, step: 'decision' | 'confirmation' = 'decision') => {
        for (let attempt = 0; attempt < 20; attempt += 1) {
          try {
            return await workflows.decide(id, { gate: gate as never, step, decision: 'approve', comment: 'soak', actorId, channel: 'api' });
          } catch (error) {
            const status = (error as { status?: number }).status;
            if (status === 409 && attempt > 0) return;
            if (status !== 503) throw error;
            await new Promise((r) => setTimeout(r, 1_000));
          }
        }
        throw new Error(`decision on ${gate} kept failing`);
      };
      await decide('goal-alignment', town.governance);
      await decide('owner-signoff', town.owner);
      await decide('implementation', town.projectManager);
      await decide('implementation', town.owner, 'confirmation');
      const benefit = await db.models.Benefit.findOne({ initiativeId: id }).lean();
      await recordMeasurement(context, { benefitId: String(benefit!._id), value: 90, measuredAt: new Date(), note: '', reportedById: town.owner, channel: 'api' });
    };
    // Initiatives move through the gates, staggered over the window, while the worker keeps dying underneath them.
    const spacing = (seconds * 1000 * 0.6) / ids.length;
    // Settled, not Promise.all: one failed walk must not close the connection under the others
    // (their retries then die with "Channel has been shut down" and hide the first error).
    const driven = await Promise.allSettled(ids.map(async (id, i) => {
      await new Promise((r) => setTimeout(r, i * spacing));
      await drive(id);
    }));
    const driveFailures = driven.flatMap((r, i) => (r.status === 'rejected' ? [`${ids[i]}: ${(r.reason as Error)?.message ?? String(r.reason)}`] : []));
    while (Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    clearTimeout(killTimer);

    // Settle: every workflow must finish with a stable worker.
    const results = await Promise.allSettled(
      ids.map((id) => Promise.race([client.withAbortSignal(stopWaiting.signal, () => client.workflow.getHandle(workflowIdFor(id)).result()), new Promise((_, reject) => setTimeout(() => reject(new Error('stuck')), 120_000))])),
    );
    const stuck = results.filter((r) => r.status === 'rejected').length;
    const completed = (await db.models.Initiative.find({ _id: { $in: ids }, status: 'completed' }).lean()).length;
    const decisions = await db.models.Decision.find({ initiativeId: { $in: ids } }).lean();
    const perGate = new Map<string, number>();
    for (const d of decisions) perGate.set(`${d.initiativeId}:${d.gate}:${d.step}`, (perGate.get(`${d.initiativeId}:${d.gate}:${d.step}`) ?? 0) + 1);
    const duplicateDecisions = [...perGate.values()].filter((n) => n > 1).length;
    const missingDecisions = ids.length * 4 - perGate.size;
    const sent = await db.models.Email.find({ initiativeId: { $in: ids }, status: 'sent' }).lean();
    const delivered = await countDelivered(stack.mailboxUrl!);
    const messageIds = new Map<string, number>();
    for (const id of delivered) messageIds.set(id, (messageIds.get(id) ?? 0) + 1);
    const duplicateEmails = [...messageIds.values()].filter((n) => n > 1).length;
    const missingEmails = sent.filter((e) => !messageIds.has(e.messageId ?? '')).length;

    const report = {
      seconds, initiatives, workerKills: kills, completed, lostOrStuck: Math.max(ids.length - completed, stuck),
      duplicateDecisions, missingDecisions, emailsRecordedSent: sent.length, emailsDelivered: delivered.length, duplicateEmails, missingEmails,
      workerStartupMs: { min: Math.min(...startupMs), max: Math.max(...startupMs) },
      driveFailures,
    };
    mkdirSync(join(repoRoot, 'tests/artifacts'), { recursive: true });
    writeFileSync(join(repoRoot, 'tests/artifacts/soak-report.json'), JSON.stringify(report, null, 2));
    console.log('soak report', report);
    // A duplicate email is possible when a kill lands between the SMTP server's acceptance and the
    // 'sent' record (SMTP has no two-phase commit); it is reported, and carries the same Message-ID.
    // Missing emails, lost workflows and duplicate decisions are failures.
    const ok = driveFailures.length === 0 && report.lostOrStuck === 0 && duplicateDecisions === 0 && missingDecisions === 0 && missingEmails === 0;
    console.log(`soak: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    clearTimeout(killTimer);
    stopWaiting.abort();
    worker?.kill('SIGKILL');
    await connection.close();
    await db.close();
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Message-IDs of every message Mailpit caught. */
async function countDelivered(mailboxUrl: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < 100_000; start += 500) {
    const page = (await (await fetch(`${mailboxUrl}/api/v1/messages?start=${start}&limit=500`)).json()) as { messages: { MessageID: string }[] };
    ids.push(...page.messages.map((m) => `<${m.MessageID}>`));
    if (page.messages.length < 500) break;
  }
  return ids;
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});

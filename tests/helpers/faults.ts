// Fault injection on a private copy of the stack: Temporal, FerretDB and Mailpit of its own, and
// the worker as a child process, each of which a test can SIGKILL and start again on the same
// data and port. Nothing here touches the services other suites share.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { repoRoot } from '../../stack/paths.js';
import { waitFor } from '../../stack/ports.js';
import { startProcess, type ManagedProcess } from '../../stack/processes.js';
import { startFerretDb, startMailpit, startTemporal, type StackOptions } from '../../stack/services.js';

/** One embedded service that can be killed and brought back with the very same command line. */
export interface Service {
  readonly process: ManagedProcess;
  kill(): Promise<void>;
  restart(): Promise<void>;
}

const exited = (child: ManagedProcess['child']) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));

async function kill(process: ManagedProcess): Promise<void> {
  process.child.kill('SIGKILL');
  await exited(process.child);
}

/**
 * services.ts picks a fresh port on every start; a restart here re-runs the exact spawn
 * arguments of the first start (same port, same data file) rather than duplicating its flags.
 */
function restartable(first: ManagedProcess, logDir: string, ready: (process: ManagedProcess) => Promise<boolean>, what: string): Service {
  let current = first;
  return {
    get process() {
      return current;
    },
    kill: () => kill(current),
    async restart() {
      const { spawnfile, spawnargs } = current.child;
      current = startProcess(current.name, spawnfile, spawnargs.slice(1), {
        logDir,
        env: { ...globalThis.process.env, FERRETDB_TELEMETRY: 'disable' },
      });
      const restarted = current;
      await waitFor(`${what} after restart`, async () => {
        if (restarted.child.exitCode !== null) throw new Error(`exited; see ${restarted.logFile}`);
        return ready(restarted);
      }, 60_000);
    },
  };
}

export interface WorkerProcess {
  process: ManagedProcess;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface FaultStack {
  dataDir: string;
  taskQueue: string;
  temporalAddress: string;
  mongodbUri: string;
  smtpUrl: string;
  smtpPort: number;
  mailboxUrl: string;
  temporal: Service;
  database: Service;
  smtp: Service;
  /** `node --import tsx worker/main.ts` against this stack; resolves when it polls. */
  startWorker(options?: { smtpUrl?: string }): Promise<WorkerProcess>;
  stop(): Promise<void>;
}

const live = new Set<FaultStack>();

export async function startFaultStack(): Promise<FaultStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'endringsporten-faults-'));
  const logDir = join(dataDir, 'logs');
  const options: StackOptions = { dataDir, ports: 'free', temporalUi: false, env: {} };
  const started = await Promise.allSettled([startTemporal(options), startFerretDb(options), startMailpit(options)]);
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    for (const s of started) if (s.status === 'fulfilled') await s.value.process.stop();
    throw failed.reason;
  }
  const [temporal, ferret, mail] = started.map((s) => (s as PromiseFulfilledResult<{ process: ManagedProcess }>).value) as [
    Awaited<ReturnType<typeof startTemporal>>,
    Awaited<ReturnType<typeof startFerretDb>>,
    Awaited<ReturnType<typeof startMailpit>>,
  ];
  const workers: WorkerProcess[] = [];
  const taskQueue = `faults-${randomUUID()}`;

  const stack: FaultStack = {
    dataDir,
    taskQueue,
    temporalAddress: temporal.address,
    mongodbUri: ferret.uri,
    smtpUrl: mail.smtpUrl,
    smtpPort: Number(new URL(mail.smtpUrl).port),
    mailboxUrl: mail.mailboxUrl,
    temporal: restartable(temporal.process, logDir, () => temporalAnswers(temporal.address), 'Temporal'),
    database: restartable(ferret.process, logDir, () => databaseAnswers(ferret.uri), 'FerretDB'),
    smtp: restartable(mail.process, logDir, async () => (await fetch(`${mail.mailboxUrl}/readyz`)).ok, 'Mailpit'),
    async startWorker({ smtpUrl = mail.smtpUrl } = {}) {
      const worker = await startWorkerProcess(logDir, {
        TEMPORAL_ADDRESS: temporal.address,
        MONGODB_URI: ferret.uri,
        SMTP_URL: smtpUrl,
        TEMPORAL_TASK_QUEUE: taskQueue,
        PUBLIC_URL: 'http://127.0.0.1:9',
        // info: the worker says "worker polling task queue" at info, which is what this waits for.
        LOG_LEVEL: 'info',
      });
      workers.push(worker);
      return worker;
    },
    async stop() {
      live.delete(stack);
      for (const worker of workers) await worker.stop();
      for (const service of [stack.smtp, stack.database, stack.temporal]) await service.process.stop();
      if (!process.env.KEEP_TEST_DATA) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  live.add(stack);
  return stack;
}

/** For afterAll: whatever a failed test left running. */
export async function stopFaultStacks(): Promise<void> {
  for (const stack of [...live]) await stack.stop();
}

async function temporalAnswers(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: 'default' });
    return Boolean(namespaceInfo);
  } finally {
    await connection.close();
  }
}

async function databaseAnswers(uri: string): Promise<boolean> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 1_000 }).asPromise();
  try {
    await connection.db!.admin().ping();
    return true;
  } finally {
    await connection.close();
  }
}

async function startWorkerProcess(logDir: string, env: Record<string, string>): Promise<WorkerProcess> {
  const process = startProcess('worker', globalThis.process.execPath, ['--import', 'tsx', join(repoRoot, 'worker/main.ts')], {
    logDir,
    cwd: repoRoot,
    // Only what the worker reads: nothing of the test runner's environment leaks in.
    env: { PATH: globalThis.process.env.PATH, HOME: globalThis.process.env.HOME, ...env },
  });
  let output = '';
  process.child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  let onExit = (_code: number | null) => {};
  const exitedEarly = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`the worker process exited with ${code} before polling; see ${process.logFile}`));
    process.child.once('exit', onExit);
  });
  try {
    await Promise.race([waitFor('the worker process', async () => output.includes('worker polling task queue'), 90_000), exitedEarly]);
  } catch (error) {
    await process.stop();
    throw error;
  } finally {
    process.child.off('exit', onExit);
  }
  return { process, kill: () => kill(process), stop: () => process.stop() };
}

/** A TCP relay that holds every new connection for `delayMs` before reaching the target: a slow SMTP server. */
export interface DelayProxy {
  url: string;
  close(): Promise<void>;
}

export async function startDelayProxy(targetPort: number, delayMs: number): Promise<DelayProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    setTimeout(() => {
      if (client.destroyed) return;
      const upstream = createConnection(targetPort, '127.0.0.1');
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

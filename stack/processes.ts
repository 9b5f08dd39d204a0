// Child processes of the local stack: logs to files, and all of them stopped on exit.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

const running = new Set<ManagedProcess>();

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: {
    logDir: string;
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    echo?: boolean;
    /** How to ask it to stop (PostgreSQL: SIGINT is its fast shutdown; SIGTERM waits for clients). */
    stopSignal?: NodeJS.Signals;
  },
): ManagedProcess {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = join(options.logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.pipe(log, { end: false });
    if (options.echo) stream?.on('data', (chunk: Buffer) => process.stdout.write(prefixLines(name, chunk)));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const managed: ManagedProcess = {
    name,
    child,
    logFile,
    async stop() {
      running.delete(managed);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(options.stopSignal ?? 'SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 8_000);
      await exited;
      clearTimeout(killer);
      log.end();
    },
  };
  running.add(managed);
  child.once('exit', () => running.delete(managed));
  return managed;
}

function prefixLines(name: string, chunk: Buffer): string {
  return chunk
    .toString()
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => `[${name}] ${line}\n`)
    .join('');
}

/** Stops every process started here, the most recent first (app before its dependencies). */
export async function stopAll(): Promise<void> {
  for (const process of [...running].reverse()) await process.stop();
}

// Last resort when the parent dies without the orderly path: never leave orphans behind.
process.once('exit', () => {
  for (const managed of running) managed.child.kill('SIGKILL');
});

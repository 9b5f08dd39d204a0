import { createServer } from 'node:net';

/** Resolves to `preferred` when it can be bound on 127.0.0.1, otherwise to a free port. */
export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (preferred !== 0 && error.code === 'EADDRINUSE') resolve(freePort(0));
      else reject(error);
    });
    server.listen(preferred, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : preferred;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A free port below 32768, outside Linux's ephemeral range: the Temporal server's PostgreSQL
 * schema keeps membership ports in a smallint.
 */
export async function freeLowPort(exclude: number[] = []): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    if (exclude.includes(candidate)) continue;
    if ((await freePort(candidate)) === candidate) return candidate;
  }
  throw new Error('no free port between 20000 and 32000');
}

/** Thrown by a probe when waiting longer cannot help (the process exited). */
export class GiveUp extends Error {}

/** Polls `probe` until it resolves true or `timeoutMs` passes. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await probe()) return;
    } catch (error) {
      if (error instanceof GiveUp) throw new Error(`${what} ${error.message}`);
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s${lastError ? `: ${String(lastError)}` : ''}`);
}

// Passwords are hashed with argon2id (memory-hard), never stored or returned in clear. Hashing
// runs a few at a time: a flood of logins queues here (and past a bound is turned away with 503)
// instead of filling the thread pool every other request needs.
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.js';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
export const HASHING = { concurrent: 2, queued: 200 } as const;

let running = 0;
const waiting: (() => void)[] = [];

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASHING.concurrent) {
    if (waiting.length >= HASHING.queued) throw new AppError(503, 'busy', 'too many logins at once; try again in a moment');
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or free it.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export const hashPassword = (password: string) => bounded(() => hash(password, OPTIONS));

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await bounded(() => verify(passwordHash, password));
  } catch (error) {
    if (error instanceof AppError) throw error;
    return false;
  }
}

// Verifying against a fixed hash when the person is unknown keeps the timing of "no such user"
// and "wrong password" alike.
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('not-a-real-password-0000'));

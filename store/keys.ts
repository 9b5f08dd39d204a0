// Helpers for keys the database enforces: unique indexes and hashed secrets.
import { createHash } from 'node:crypto';

/** A unique index refused the write (MongoDB and FerretDB both answer code 11000). */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

/** Action-link tokens and session cookies are stored only as their SHA-256. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A document id (an ObjectId's 24 hex digits) derived from a key, so a retried activity creates the same document. */
export const idFromKey = (key: string) => sha256(key).slice(0, 24);

import type { Models } from '../store/models/index.js';
import type { Channel } from '../domain/types.js';
import { idFromKey, isDuplicateKey } from '../store/keys.js';

export interface AuditEntry {
  key: string;
  action: string;
  initiativeId: string | null;
  actorId: string | null;
  channel: Channel | 'system';
  at: Date;
  details?: Record<string, unknown>;
}

/** Writes an audit entry once per key (its id is derived from the key), so a retried activity does not write it twice. */
export async function writeAudit(models: Models, entry: AuditEntry): Promise<void> {
  try {
    await models.Audit.create({ details: {}, ...entry, _id: idFromKey(entry.key) });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

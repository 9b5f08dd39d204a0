// react-admin sends the whole record on update. The read model the workflow keeps (gate, status,
// escalation, …) may have moved on since the form was loaded, so those fields are dropped, never
// written. Fields that are fixed after creation (`kind`, a benefit's initiative) are refused when changed.
import { invalid } from '../errors.js';

const ALWAYS_SERVER_OWNED = ['id', 'createdAt', 'updatedAt', '__v', '_id'];

export function withoutServerFields(
  body: unknown,
  existing: Record<string, unknown>,
  fixedAfterCreate: string[],
  readModel: string[] = [],
): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body as Record<string, unknown>;
  const rest: Record<string, unknown> = {};
  const refused: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (ALWAYS_SERVER_OWNED.includes(key) || readModel.includes(key)) continue;
    if (fixedAfterCreate.includes(key)) {
      if (JSON.stringify(value ?? null) !== JSON.stringify(existing[key] ?? null)) refused[key] = 'is read-only';
      continue;
    }
    rest[key] = value;
  }
  if (Object.keys(refused).length) throw invalid(refused);
  return rest;
}

// react-admin sends the whole record on update. Fields the server owns may come back unchanged
// (they are dropped); a changed one is refused, so nobody writes `gate` or `status` this way.
import { invalid } from '../errors.js';

const ALWAYS_SERVER_OWNED = ['id', 'createdAt', 'updatedAt', '__v', '_id'];

export function withoutServerFields(body: unknown, existing: Record<string, unknown>, serverOwned: string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body as Record<string, unknown>;
  const rest: Record<string, unknown> = {};
  const refused: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (ALWAYS_SERVER_OWNED.includes(key)) continue;
    if (serverOwned.includes(key)) {
      if (JSON.stringify(value ?? null) !== JSON.stringify(existing[key] ?? null)) refused[key] = 'is read-only';
      continue;
    }
    rest[key] = value;
  }
  if (Object.keys(refused).length) throw invalid(refused);
  return rest;
}

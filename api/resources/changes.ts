// react-admin sends the whole record on update. The read model the workflow keeps (gate, status,
// escalation, …) may have moved on since the form was loaded, so those fields are dropped, never
// written; fields fixed after creation (`kind`, a benefit's initiative) are refused when changed;
// and only what differs from the stored record counts as a change.
import { SERVER_FIELDS } from '../../domain/read-model.js';
import { invalid } from '../errors.js';

export function withoutServerFields(
  body: unknown,
  existing: Record<string, unknown>,
  fixedAfterCreate: readonly string[],
  readModel: readonly string[] = [],
): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body as Record<string, unknown>;
  const rest: Record<string, unknown> = {};
  const refused: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if ((SERVER_FIELDS as readonly string[]).includes(key) || readModel.includes(key)) continue;
    if (fixedAfterCreate.includes(key)) {
      if (!sameValue(value, existing[key])) refused[key] = 'is read-only';
      continue;
    }
    rest[key] = value;
  }
  if (Object.keys(refused).length) throw invalid(refused);
  return rest;
}

/** A value in a form that compares regardless of key order, dates as instants and absent as null. */
function canonical(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof (record as { toHexString?: unknown }).toHexString === 'function') return String(value);
    return Object.fromEntries(Object.keys(record).sort().filter((k) => record[k] !== undefined).map((k) => [k, canonical(record[k])]));
  }
  return value;
}

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * What a PUT asks to change: the submitted fields without the server's, with fixed fields refused
 * when changed, and without those equal to the stored record — so a whole record sent back as it
 * was loaded (react-admin's way) validates only what the person changed.
 */
export function submittedChanges(body: unknown, existing: Record<string, unknown>, fixedAfterCreate: readonly string[], readModel: readonly string[] = []): Record<string, unknown> {
  const rest = withoutServerFields(body, existing, fixedAfterCreate, readModel);
  if (typeof rest !== 'object' || rest === null || Array.isArray(rest)) return rest;
  return Object.fromEntries(Object.entries(rest).filter(([key, value]) => !sameValue(value, existing[key])));
}

/** The fields of a validated body whose values differ from the stored record. */
export function changedOnly<T extends Record<string, unknown>>(body: T, existing: Record<string, unknown>): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([key, value]) => value !== undefined && !sameValue(value, existing[key]))) as Partial<T>;
}

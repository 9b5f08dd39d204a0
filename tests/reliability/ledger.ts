// Bookkeeping for the fault tests: what should have been emailed and decided (read from the
// audit trail the workflows wrote), what was recorded, and what Mailpit actually caught.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { repoRoot } from '../../stack/paths.js';
import type { Models } from '../../store/models/index.js';
import { workflowIdFor } from '../../workflows/definitions.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every `everyMs` until it holds; fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | false | null | undefined>, timeoutMs: number, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error; // the service under test may be down on purpose
    }
    await sleep(everyMs);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

export async function within<T>(what: string, promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Email purposes the workflow owes for each audit action (see activities/emails.ts). */
const PURPOSE_OF: Record<string, string> = {
  'gate.entered': 'request',
  'gate.confirmation-requested': 'request',
  'gate.reminded': 'reminder',
  'gate.escalated': 'escalation',
  'gate.stalled': 'stalled',
};

/** Idempotency-key prefixes of every email the audit trail says is owed. */
export async function owedEmails(models: Models, initiativeIds: string[]): Promise<string[]> {
  const audit = await models.Audit.find({ initiativeId: { $in: initiativeIds } }).lean();
  const owed = initiativeIds.map((id) => `${id}:start:invite:`);
  for (const entry of audit) {
    const purpose = PURPOSE_OF[entry.action];
    if (purpose) {
      const ref = entry.key.slice(0, entry.key.lastIndexOf(':'));
      const gate = (entry.details as { gate?: string }).gate;
      const started = entry.action === 'gate.entered' && (gate === 'benefit-realisation' || (gate === 'implementation' && !ref.endsWith(':confirmation')));
      owed.push(`${ref}:${started ? 'started' : purpose}:`);
    }
    const outcome = entry.action.match(/^initiative\.(completed|rejected|cancelled)$/);
    if (outcome) owed.push(`${entry.initiativeId}:outcome:${outcome[1]}:`);
  }
  return owed;
}

export interface EmailAccount {
  recorded: number;
  sent: number;
  caught: number;
  /** Idempotency keys not (yet) sent. */
  unsent: string[];
  /** Message-IDs Mailpit caught more than once. */
  duplicated: string[];
  /** Sent rows Mailpit never caught, and caught messages no row accounts for. */
  missing: string[];
  unknown: string[];
  /** Owed by the audit trail but never recorded, and recorded but never owed. */
  unowed: string[];
  notRecorded: string[];
  perRecipientAndKind: Record<string, { sent: number; caught: number }>;
}

export async function accountEmails(models: Models, mailboxUrl: string, initiativeIds: string[]): Promise<EmailAccount> {
  const rows = await models.Email.find({ initiativeId: { $in: initiativeIds } }).lean();
  const response = await fetch(`${mailboxUrl}/api/v1/messages?limit=5000`);
  const caught = ((await response.json()) as { messages: { MessageID: string }[] }).messages.map((m) => `<${m.MessageID}>`);
  const owed = await owedEmails(models, initiativeIds);
  const sent = rows.filter((r) => r.status === 'sent');
  const byMessageId = new Map(sent.map((r) => [r.messageId!, r]));
  const timesCaught = new Map<string, number>();
  for (const id of caught) timesCaught.set(id, (timesCaught.get(id) ?? 0) + 1);

  const perRecipientAndKind: EmailAccount['perRecipientAndKind'] = {};
  const tally = (key: string, field: 'sent' | 'caught') => {
    perRecipientAndKind[key] ??= { sent: 0, caught: 0 };
    perRecipientAndKind[key][field] += 1;
  };
  for (const row of sent) tally(`${row.to} ${row.kind}`, 'sent');
  for (const id of caught) {
    const row = byMessageId.get(id);
    tally(row ? `${row.to} ${row.kind}` : `? ${id}`, 'caught');
  }
  return {
    recorded: rows.length,
    sent: sent.length,
    caught: caught.length,
    unsent: rows.filter((r) => r.status !== 'sent').map((r) => `${r.idempotencyKey} (${r.status})`),
    duplicated: [...timesCaught].filter(([, n]) => n > 1).map(([id]) => id),
    missing: sent.filter((r) => !timesCaught.has(r.messageId!)).map((r) => r.idempotencyKey),
    unknown: caught.filter((id) => !byMessageId.has(id)),
    unowed: rows.filter((r) => !owed.some((prefix) => r.idempotencyKey.startsWith(prefix))).map((r) => r.idempotencyKey),
    notRecorded: owed.filter((prefix) => !rows.some((r) => r.idempotencyKey.startsWith(prefix))),
    perRecipientAndKind,
  };
}

/** An account with nothing unsent, duplicated, missing or unowed: what the tests assert. */
export const cleanAccount = (account: EmailAccount) => ({
  unsent: account.unsent,
  duplicated: account.duplicated,
  missing: account.missing,
  unknown: account.unknown,
  unowed: account.unowed,
  notRecorded: account.notRecorded,
});

export async function accountDecisions(models: Models, initiativeIds: string[]) {
  const decisions = await models.Decision.find({ initiativeId: { $in: initiativeIds } }).lean();
  const audit = await models.Audit.find({ initiativeId: { $in: initiativeIds }, action: /^decision\./ }).lean();
  return {
    decisions: decisions.length,
    audited: audit.length,
    unaudited: decisions.filter((d) => audit.filter((a) => a.key === `${d.key}:audit`).length !== 1).map((d) => d.key),
  };
}

/** Activities (remote, and local ones recorded as markers) that needed more than one attempt. */
export async function retriedActivities(client: Client, initiativeIds: string[]) {
  let retried = 0;
  let maxAttempt = 1;
  const causes = new Set<string>();
  const count = (attempt: number) => {
    if (attempt > 1) retried += 1;
    maxAttempt = Math.max(maxAttempt, attempt);
  };
  for (const id of initiativeIds) {
    const history = await client.workflow.getHandle(workflowIdFor(id)).fetchHistory();
    for (const event of history.events ?? []) {
      const started = event.activityTaskStartedEventAttributes;
      if (started) count(started.attempt ?? 0);
      if (started?.lastFailure?.message) causes.add(started.lastFailure.message.slice(0, 120));
      const marker = event.markerRecordedEventAttributes;
      const data = marker?.markerName === 'core_local_activity' ? marker.details?.data?.payloads?.[0]?.data : undefined;
      if (data) count((JSON.parse(Buffer.from(data).toString()) as { attempt?: number }).attempt ?? 0);
    }
  }
  return { retried, maxAttempt, causes: [...causes] };
}

const summary: Record<string, unknown> = {};

export function recordFigures(scenario: string, figures: Record<string, unknown>): void {
  summary[scenario] = figures;
}

export function writeSummary(): void {
  const dir = join(repoRoot, 'tests', 'artifacts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'reliability-summary.json'), `${JSON.stringify({ recordedAt: new Date().toISOString(), scenarios: summary }, null, 2)}\n`);
}

// Sends one email at most once per idempotency key, recording its status in `emails`.
import { heartbeatIfInActivity } from './heartbeat.js';
import type { EmailKind } from '../domain/types.js';
import type { ActivityDeps } from './deps.js';
import { renderHtml, renderText, type EmailContent } from './email/render.js';
import { idFromKey, isDuplicateKey, sha256 } from '../store/keys.js';
import { logger } from '../logging/logger.js';

export interface Delivery {
  key: string;
  kind: EmailKind;
  to: { id: string; email: string };
  cc?: { id: string; email: string };
  initiativeId: string;
  gate: string | null;
  /** Built lazily: an action token is issued only when the email is really about to go out. */
  content: () => Promise<EmailContent>;
}

/** An email's record is found by id, derived from its idempotency key (no scan on the embedded database). */
const emailId = (key: string) => idFromKey(key);

export async function deliverOnce(deps: ActivityDeps, delivery: Delivery): Promise<'sent' | 'already-sent'> {
  const { models, mailer, mailFrom } = deps;
  const id = emailId(delivery.key);
  let existing = await models.Email.findById(id).lean();
  if (existing?.status === 'sending' && existing.sendingAt && Date.now() - existing.sendingAt.getTime() < IN_FLIGHT_MS) {
    // An earlier attempt that timed out on a busy worker may still be talking to SMTP: give it
    // the chance to finish rather than send the same message beside it.
    existing = await waitForEarlierAttempt(deps, delivery.key, existing.sendingAt.getTime() + IN_FLIGHT_MS);
  }
  if (existing?.status === 'sent') return 'already-sent';

  const content = await delivery.content();
  if (!existing) {
    try {
      await models.Email.create({
        _id: id,
        idempotencyKey: delivery.key,
        to: delivery.to.email,
        toId: delivery.to.id,
        ccId: delivery.cc?.id ?? null,
        kind: delivery.kind,
        subject: content.subject,
        initiativeId: delivery.initiativeId,
        gate: delivery.gate,
        status: 'pending',
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // A record from before emails were keyed by id: it counts as this one.
      if (!(await models.Email.exists({ _id: id })) && (await models.Email.exists({ idempotencyKey: delivery.key, status: 'sent' }))) return 'already-sent';
    }
  }
  const messageId = `<${sha256(delivery.key).slice(0, 32)}@endringsporten>`;
  await models.Email.updateOne({ _id: id }, { $set: { status: 'sending', sendingAt: new Date(), subject: content.subject }, $inc: { attempts: 1 } });
  try {
    await mailer.send({
      from: mailFrom,
      to: delivery.to.email,
      ...(delivery.cc ? { cc: delivery.cc.email } : {}),
      subject: content.subject,
      text: renderText(content),
      html: renderHtml(content),
      messageId,
      headers: {
        'X-Endringsporten-Kind': delivery.kind,
        'X-Endringsporten-Initiative': delivery.initiativeId,
      },
    });
  } catch (error) {
    await models.Email.updateOne({ _id: id }, { $set: { status: 'failed', lastError: String(error) } });
    throw error;
  }
  await recordSent(deps, delivery.key, messageId);
  // With the activity's workflow, initiative and gate: one line follows a decision into the mailbox.
  logger.info({ kind: delivery.kind, toId: delivery.to.id, messageId, idempotencyKey: delivery.key }, 'email sent');
  return 'sent';
}

/**
 * Once the SMTP server has the message, failing the activity would send it again on retry. So
 * the 'sent' record is retried here, heartbeating, while the database is away; only a crash of
 * the worker itself can still leave the message unrecorded.
 */
async function recordSent({ models, clock }: ActivityDeps, key: string, messageId: string): Promise<void> {
  const giveUpAt = Date.now() + SENT_RECORD_BUDGET_MS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await models.Email.updateOne({ _id: emailId(key) }, { $set: { status: 'sent', sentAt: clock(), messageId, lastError: null } });
      return;
    } catch (error) {
      if (Date.now() > giveUpAt) throw error;
      heartbeatIfInActivity();
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 4_000)));
    }
  }
}

/** How long an attempt that is still 'sending' counts as possibly alive (SMTP gives up after 25 s). */
const IN_FLIGHT_MS = 30_000;

async function waitForEarlierAttempt({ models }: ActivityDeps, key: string, until: number) {
  for (;;) {
    const current = await models.Email.findById(emailId(key)).lean();
    if (current?.status !== 'sending' || Date.now() > until) return current;
    heartbeatIfInActivity();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Longer than a database restart; shorter than the mail activities' start-to-close timeout. */
const SENT_RECORD_BUDGET_MS = 60_000;


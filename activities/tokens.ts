// Action-link tokens: 256 random bits, only the SHA-256 hash stored, bound to one person,
// initiative, gate step and set of actions; single use; revoked when the gate is decided elsewhere.
import { randomBytes } from 'node:crypto';
import type { StepRef } from '../domain/exchange.js';
import type { LinkPurpose } from '../domain/types.js';
import type { Models } from '../store/models/index.js';
import { sha256 } from '../store/keys.js';

export interface TokenGrant extends StepRef {
  key: string;
  personId: string;
  purpose: LinkPurpose;
  allowedActions: string[];
  expiresAt: Date;
  benefitId?: string | null;
  /** A deputy's link acts for the person they stand in for. */
  forPersonId?: string | null;
  /** The plan change or review a link answers. */
  subjectId?: string | null;
}

/** What each kind of link lets its person choose. */
export const LINK_ACTIONS: Record<LinkPurpose, string[]> = {
  decision: ['approve', 'revise', 'hold', 'reject'],
  confirmation: ['approve', 'revise'],
  measurement: ['report'],
  'plan-change': ['approve', 'reject'],
  readiness: ['ready', 'not-ready'],
  comment: ['comment'],
  review: ['continue', 'adjust', 'close-realised', 'close-abandoned'],
};

/**
 * Issues (or, on an activity retry, re-issues) the token for one email. The raw token exists only
 * in the email; re-issuing replaces the hash, which is safe because the earlier email was never sent.
 */
export async function issueActionToken(models: Models, grant: TokenGrant): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await models.ActionToken.updateOne(
    { key: grant.key },
    {
      $set: {
        tokenHash: sha256(token),
        personId: grant.personId,
        initiativeId: grant.initiativeId,
        gate: grant.gate,
        round: grant.round,
        step: grant.step,
        purpose: grant.purpose,
        benefitId: grant.benefitId ?? null,
        forPersonId: grant.forPersonId ?? null,
        subjectId: grant.subjectId ?? null,
        allowedActions: grant.allowedActions,
        expiresAt: grant.expiresAt,
      },
      // A link revoked before its email went out stays revoked: revocation is never undone.
      $setOnInsert: { usedAt: null, revokedAt: null },
    },
    { upsert: true },
  );
  return token;
}

/** Decision links die when their gate is decided; with `everything`, every link of the initiative (it ended). */
export async function revokeOpenTokens(models: Models, initiativeId: string, reason: string, at: Date, everything = false): Promise<void> {
  const purposes = everything ? ['decision', 'confirmation', 'measurement', 'plan-change', 'readiness', 'comment', 'review'] : ['decision', 'confirmation'];
  await models.ActionToken.updateMany({ initiativeId, revokedAt: null, purpose: { $in: purposes } }, { $set: { revokedAt: at, revokedReason: reason } });
}

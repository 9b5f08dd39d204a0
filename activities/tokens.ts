// Action-link tokens: 256 random bits, only the SHA-256 hash stored, bound to one person,
// initiative, gate step and set of actions; single use; revoked when the gate is decided elsewhere.
// Every document here is found by id: the token by its email's key, the way from a hash to the
// token by the hash, a revocation by what it revokes.
import { randomBytes } from 'node:crypto';
import type { StepRef } from '../domain/exchange.js';
import type { LinkPurpose } from '../domain/types.js';
import { revocationId, type RevocationScope } from '../store/links.js';
import { idFromKey, isDuplicateKey, sha256 } from '../store/keys.js';
import type { Models } from '../store/models/index.js';

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
 * in the email. A re-issued token adds a second way in, so an email that did go out before the
 * retry keeps a working link.
 */
export async function issueActionToken(models: Models, grant: TokenGrant): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const tokenId = idFromKey(grant.key);
  await models.ActionToken.updateOne(
    { _id: tokenId },
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
        key: grant.key,
      },
      $setOnInsert: { usedAt: null, revokedAt: null },
    },
    { upsert: true },
  );
  await models.ActionLink.create({ _id: idFromKey(sha256(token)), tokenId });
  return token;
}

/** Closes the links of a scope; recorded once, and never undone. */
export async function revokeLinks(models: Models, scope: RevocationScope, reason: string, at: Date): Promise<void> {
  try {
    await models.Revocation.create({ _id: revocationId(scope), reason, at });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

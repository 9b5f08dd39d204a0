// Action-link tokens: 256 random bits, only the SHA-256 hash stored, bound to one person,
// initiative, gate step and set of actions; single use; revoked when the gate is decided elsewhere.
import { randomBytes } from 'node:crypto';
import type { StepRef } from '../domain/exchange.js';
import type { Models } from '../store/models/index.js';
import { sha256 } from '../store/keys.js';

export interface TokenGrant extends StepRef {
  key: string;
  personId: string;
  purpose: 'decision' | 'confirmation' | 'measurement';
  allowedActions: string[];
  expiresAt: Date;
  benefitId?: string | null;
}

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
        allowedActions: grant.allowedActions,
        expiresAt: grant.expiresAt,
        usedAt: null,
        revokedAt: null,
      },
    },
    { upsert: true },
  );
  return token;
}

export async function revokeOpenTokens(models: Models, initiativeId: string, reason: string, at: Date): Promise<void> {
  await models.ActionToken.updateMany(
    { initiativeId, revokedAt: null, purpose: { $in: ['decision', 'confirmation'] } },
    { $set: { revokedAt: at, revokedReason: reason } },
  );
}

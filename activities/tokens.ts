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
      },
      // A link revoked before its email went out stays revoked: revocation is never undone.
      $setOnInsert: { usedAt: null, revokedAt: null },
    },
    { upsert: true },
  );
  return token;
}

/** Decision links die when their gate is decided; with `alsoMeasurements`, measurement links too (the initiative ended). */
export async function revokeOpenTokens(models: Models, initiativeId: string, reason: string, at: Date, alsoMeasurements = false): Promise<void> {
  const purposes = alsoMeasurements ? ['decision', 'confirmation', 'measurement'] : ['decision', 'confirmation'];
  await models.ActionToken.updateMany({ initiativeId, revokedAt: null, purpose: { $in: purposes } }, { $set: { revokedAt: at, revokedReason: reason } });
}

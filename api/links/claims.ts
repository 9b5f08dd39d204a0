// Spending an action link: inserting its claim under a unique index decides between concurrent
// clicks; the claim then records what the workflow answered. A link is given back (the claim
// deleted) only when the workflow said the action did not happen for a reason that can be fixed.
import type { Models } from '../../store/models/index.js';
import { isDuplicateKey } from '../../store/keys.js';

export interface Claim {
  tokenId: string;
  usedFor: string;
  at: Date;
  state: 'pending' | 'done' | 'refused';
  reason: string | null;
}

export function createClaims(models: Models) {
  // The claim's id is its token's: found (and made unique) by id.
  const find = async (tokenId: string) => (await models.ActionClaim.findById(tokenId).lean()) as Claim | null;
  return {
    find,

    /** The claim for this request: a new one, or an earlier one whose answer was never known. */
    async take(tokenId: string, usedFor: string): Promise<{ claim: Claim; resumed: boolean } | { spent: Claim }> {
      const claim: Claim = { tokenId, usedFor, at: new Date(), state: 'pending', reason: null };
      try {
        await models.ActionClaim.create({ _id: tokenId, ...claim });
        return { claim, resumed: false };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const existing = await find(tokenId);
      if (existing?.state === 'pending' && existing.usedFor === usedFor) return { claim: existing, resumed: true };
      return { spent: existing ?? claim };
    },

    async settle(tokenId: string, outcome: { state: 'done' } | { state: 'refused'; reason: string }): Promise<void> {
      await models.ActionClaim.updateOne({ _id: tokenId }, { $set: { state: outcome.state, reason: 'reason' in outcome ? outcome.reason : null } });
    },

    /** Nothing happened and the person can fix what was missing: the link works again. */
    async giveBack(tokenId: string): Promise<void> {
      await models.ActionClaim.deleteOne({ _id: tokenId });
    },
  };
}

export type Claims = ReturnType<typeof createClaims>;

/** One update id per claim: a retried POST of the same claim is applied at most once by Temporal. */
export const updateIdOf = (claim: Claim) => `link-${claim.tokenId}-${claim.at.getTime()}`;

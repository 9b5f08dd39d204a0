// Email action tokens and login sessions. Only hashes are stored; both expire by their own
// timestamps (no TTL indexes: FerretDB 1.x does not support them).
import { Schema } from 'mongoose';
import { GATES } from '../../domain/types.js';
import { contractShape } from './plugin.js';

export const actionTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true },
    personId: { type: String, required: true },
    initiativeId: { type: String, required: true },
    gate: { type: String, enum: GATES, required: true },
    round: { type: Number, required: true },
    step: { type: String, required: true },
    purpose: { type: String, enum: ['decision', 'confirmation', 'measurement'], required: true },
    benefitId: { type: String, default: null },
    allowedActions: { type: [String], required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    usedFor: { type: String, default: null },
    revokedAt: { type: Date, default: null },
    revokedReason: { type: String, default: null },
    key: { type: String, required: true },
  },
  { timestamps: true },
);
actionTokenSchema.index({ tokenHash: 1 }, { unique: true });
actionTokenSchema.index({ key: 1 }, { unique: true });
actionTokenSchema.index({ initiativeId: 1, gate: 1 });
actionTokenSchema.plugin(contractShape);

// One row per spent link. Inserting it is the claim: a unique index decides between two
// concurrent clicks atomically (FerretDB can lose one of two concurrent updates to a document,
// so a conditional update on the token alone is not enough). The token itself is written only
// by the workflow's activities; the claim only by the request that inserted it.
export const CLAIM_STATES = ['pending', 'done', 'refused'] as const;
export const actionClaimSchema = new Schema({
  tokenId: { type: String, required: true },
  usedFor: { type: String, required: true },
  at: { type: Date, required: true },
  // pending: sent to the workflow, answer not known yet; done: acted; refused: the workflow said
  // the link no longer applies (reason). A fixable refusal deletes the claim instead.
  state: { type: String, enum: CLAIM_STATES, default: 'done' },
  reason: { type: String, default: null },
});
actionClaimSchema.index({ tokenId: 1 }, { unique: true });

export const sessionSchema = new Schema({
  sessionHash: { type: String, required: true },
  personId: { type: String, required: true },
  csrfToken: { type: String, required: true },
  createdAt: { type: Date, required: true },
  lastSeenAt: { type: Date, required: true },
});
sessionSchema.index({ sessionHash: 1 }, { unique: true });
sessionSchema.plugin(contractShape);

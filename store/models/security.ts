// Email action tokens and login sessions. Only hashes are stored; both expire by their own
// timestamps (no TTL indexes: FerretDB 1.x does not support them).
import { Schema } from 'mongoose';
import { GATES, LINK_PURPOSES } from '../../domain/types.js';
import { optionalDate, optionalString, requiredDate, requiredNumber, requiredOneOf, requiredString } from './fields.js';
import { contractShape } from './plugin.js';

export const actionTokenSchema = new Schema(
  {
    tokenHash: requiredString(),
    personId: requiredString(),
    initiativeId: requiredString(),
    gate: requiredOneOf(GATES),
    round: requiredNumber(),
    step: requiredString(),
    purpose: requiredOneOf(LINK_PURPOSES),
    // A deputy's link acts for the person they stand in for.
    forPersonId: optionalString(),
    // What a plan-change or review link answers.
    subjectId: optionalString(),
    benefitId: optionalString(),
    allowedActions: { type: [String], required: true },
    expiresAt: requiredDate(),
    usedAt: optionalDate(),
    usedFor: optionalString(),
    revokedAt: optionalDate(),
    revokedReason: optionalString(),
    key: requiredString(),
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
  tokenId: requiredString(),
  usedFor: requiredString(),
  at: requiredDate(),
  // pending: sent to the workflow, answer not known yet; done: acted; refused: the workflow said
  // the link no longer applies (reason). A fixable refusal deletes the claim instead.
  state: { type: String, enum: CLAIM_STATES, default: 'done' },
  reason: optionalString(),
});
actionClaimSchema.index({ tokenId: 1 }, { unique: true });

export const sessionSchema = new Schema({
  sessionHash: requiredString(),
  personId: requiredString(),
  csrfToken: requiredString(),
  createdAt: requiredDate(),
  lastSeenAt: requiredDate(),
  // How the person logged in: a password session ends when the password is removed; a
  // single-sign-on session does not depend on one.
  method: { type: String, enum: ['password', 'oidc'], default: 'password' },
});
sessionSchema.index({ sessionHash: 1 }, { unique: true });
sessionSchema.plugin(contractShape);

// One row per failed login, keyed by the normalised email or the client address. Inserts only,
// so concurrent failures on one key are all counted (an $inc on one document could lose some on
// FerretDB), and every API process sees the same count. Rows older than the window are purged.
export const loginFailureSchema = new Schema({
  key: requiredString(),
  at: requiredDate(),
});
loginFailureSchema.index({ key: 1, at: 1 });

// The way from a link's token hash to its token, keyed by id (the embedded database finds
// documents fast by id only). Several hashes may lead to one token: an email re-sent on retry
// keeps its first link working.
export const actionLinkSchema = new Schema({ tokenId: requiredString() });

// A revocation of every link of a gate round, of an initiative, or of one subject (a plan
// change, a review): one keyed insert instead of rewriting each token.
export const revocationSchema = new Schema({ reason: { type: String, default: '' }, at: requiredDate() });

// A single sign-on in progress: keyed by the SHA-256 of its `state` (which also rides in a cookie
// of the browser that started it), holding the PKCE verifier and nonce until the provider calls
// back. Used once; older than ten minutes counts as expired.
export const oidcAttemptSchema = new Schema({
  _id: { type: String, required: true },
  codeVerifier: requiredString(),
  nonce: requiredString(),
  createdAt: requiredDate(),
});

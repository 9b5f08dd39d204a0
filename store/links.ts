// Finding action links by id on the embedded database: a raw token leads to its token through
// its hash, and a token is closed when a revocation of its round, its initiative or its subject
// exists. Written by the workflow's activities; read by the link pages.
import { idFromKey, sha256 } from './keys.js';
import type { Models } from './models/index.js';

/** What a revocation covers: the decision links of a gate round, every link of an initiative, or one subject's. */
export type RevocationScope = { initiativeId: string; round: number } | { initiativeId: string } | { subjectId: string };

export const revocationId = (scope: RevocationScope) =>
  idFromKey('subjectId' in scope ? `revoked:subject:${scope.subjectId}` : 'round' in scope ? `revoked:round:${scope.initiativeId}:${scope.round}` : `revoked:initiative:${scope.initiativeId}`);

/** The revocations that would close a token, most specific first. */
export function revocationsOf(token: { initiativeId: string; round: number; purpose: string; subjectId?: string | null }): string[] {
  return [
    ...(['decision', 'confirmation'].includes(token.purpose) ? [revocationId({ initiativeId: token.initiativeId, round: token.round })] : []),
    ...(token.subjectId ? [revocationId({ subjectId: token.subjectId })] : []),
    revocationId({ initiativeId: token.initiativeId }),
  ];
}

/** The token a raw link token leads to, or null. */
export async function findActionToken(models: Models, raw: string) {
  const hash = sha256(raw);
  const link = await models.ActionLink.findById(idFromKey(hash)).lean();
  if (link) return models.ActionToken.findById(link.tokenId).lean();
  // Links sent before tokens were keyed by id have no way in; their hash is on the token itself.
  return models.ActionToken.findOne({ tokenHash: hash }).lean();
}

/** The revocation that closes a token, if any (a token revoked before revocations were records carries it itself). */
export async function revocationOf(models: Models, token: { initiativeId: string; round: number; purpose: string; subjectId?: string | null; revokedAt?: Date | null; revokedReason?: string | null }) {
  if (token.revokedAt) return { at: token.revokedAt, reason: token.revokedReason ?? '' };
  for (const id of revocationsOf(token)) {
    const revocation = await models.Revocation.findById(id).lean();
    if (revocation) return { at: revocation.at, reason: revocation.reason };
  }
  return null;
}


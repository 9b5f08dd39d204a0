// Single sign-on rules: which claim of an OpenID Connect login names the person, and when it can
// be trusted. Pure; the flow itself is in api/auth/oidc.ts.

export type Claims = Record<string, unknown>;

export type IdentityResult = { email: string; claim: string } | { problem: 'no-verified-email'; tried: string[] };

const looksLikeEmail = (value: unknown): value is string => typeof value === 'string' && value.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/**
 * The person's email from the claims. `email` counts only when the provider says it is verified
 * (`email_verified`, or Entra ID's `xms_edov`: the domain's owner verified it); any other claim
 * named (`preferred_username`, `upn`) is an identifier the organisation's directory manages,
 * trusted because the issuer is the organisation's own tenant.
 */
export function identityFrom(claims: Claims, claimNames: readonly string[]): IdentityResult {
  for (const claim of claimNames) {
    const value = claims[claim];
    if (!looksLikeEmail(value)) continue;
    if (claim === 'email' && claims.email_verified !== true && claims.xms_edov !== true && claims.xms_edov !== '1') continue;
    return { email: value, claim };
  }
  return { problem: 'no-verified-email', tried: [...claimNames] };
}

/** A display name for a person who registers themselves. */
export const nameFrom = (claims: Claims, email: string) =>
  (typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : [claims.given_name, claims.family_name].filter((p) => typeof p === 'string').join(' ').trim() || email.split('@')[0]).slice(0, 200);

// Which claim of a sign-in names the person, and when it is trusted.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { identityFrom, nameFrom } from '../../domain/sso.js';

const CLAIMS = ['email', 'preferred_username', 'upn'];

describe('the identity of a single sign-on', () => {
  it('takes a verified email first', () => {
    expect(identityFrom({ email: 'kari@kommune.no', email_verified: true, preferred_username: 'k@kommune.no' }, CLAIMS)).toEqual({ email: 'kari@kommune.no', claim: 'email' });
  });

  it("trusts Entra ID's xms_edov (the domain owner verified the email)", () => {
    expect(identityFrom({ email: 'kari@kommune.no', xms_edov: true }, CLAIMS)).toEqual({ email: 'kari@kommune.no', claim: 'email' });
  });

  it('skips an unverified email and uses the directory-managed preferred_username, then upn', () => {
    expect(identityFrom({ email: 'someone@gmail.com', preferred_username: 'kari@kommune.no' }, CLAIMS)).toEqual({ email: 'kari@kommune.no', claim: 'preferred_username' });
    expect(identityFrom({ upn: 'kari@kommune.no', preferred_username: 'not-an-email' }, CLAIMS)).toEqual({ email: 'kari@kommune.no', claim: 'upn' });
  });

  it('finds nobody when no named claim holds a trusted email', () => {
    expect(identityFrom({ email: 'kari@kommune.no', email_verified: false }, CLAIMS)).toEqual({ problem: 'no-verified-email', tried: CLAIMS });
    expect(identityFrom({ upn: 'kari@kommune.no' }, ['email'])).toMatchObject({ problem: 'no-verified-email' });
  });

  it('names a self-registered person from name, then given and family name, then the email', () => {
    expect(nameFrom({ name: ' Kari Nordmann ' }, 'k@x.no')).toBe('Kari Nordmann');
    expect(nameFrom({ given_name: 'Kari', family_name: 'Nordmann' }, 'k@x.no')).toBe('Kari Nordmann');
    expect(nameFrom({}, 'kari.n@x.no')).toBe('kari.n');
  });
});

describe('single sign-on configuration', () => {
  it('is off without OIDC_ISSUER, also when docker compose passes the variables empty', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(loadConfig({ OIDC_ISSUER: '', OIDC_CLIENT_ID: '', OIDC_CLIENT_SECRET: '', OIDC_SCOPES: 'openid email profile' }).oidc).toBeNull();
  });

  it('reads issuer, client, scopes, claims and self-registration, and names the callback to register', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://ep.kommune.no/', OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', OIDC_CLIENT_ID: 'app', OIDC_CLIENT_SECRET: 's', OIDC_SELF_REGISTRATION: 'true' });
    expect(config.oidc).toEqual({
      issuer: 'https://login.microsoftonline.com/tenant/v2.0', clientId: 'app', clientSecret: 's', scopes: 'openid email profile',
      emailClaims: ['email', 'preferred_username', 'upn'], selfRegistration: true, redirectUri: 'https://ep.kommune.no/api/auth/oidc/callback',
    });
  });

  it('refuses an http issuer that is not on this machine, a client id without issuer, and scopes without openid', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'http://login.example.org', OIDC_CLIENT_ID: 'a' })).toThrow(/OIDC_ISSUER: must be an https:\/\/ URL/);
    expect(() => loadConfig({ OIDC_CLIENT_ID: 'a' })).toThrow(/OIDC_ISSUER and OIDC_CLIENT_ID must be set together/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://x', OIDC_CLIENT_ID: 'a', OIDC_SCOPES: 'email' })).toThrow(/OIDC_SCOPES: must include openid/);
    expect(loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:9999', OIDC_CLIENT_ID: 'a' }).oidc?.issuer).toBe('http://127.0.0.1:9999');
  });
});

// Single sign-on on the real stack against a real OpenID provider (oidc-provider on loopback):
// who gets in, who is refused with a page that says why, and how the session behaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, TEST_PASSWORD } from '../helpers/app.js';
import { signInWithSso, startServiceWithSso, type SsoSetup } from '../helpers/sso.js';

let sso: SsoSetup;

beforeAll(async () => {
  sso = await startServiceWithSso();
});
afterAll(async () => {
  await sso?.stop();
});

const models = () => sso.service.engine.db.models;
const baseUrl = () => sso.service.baseUrl;
const account = (login: string, claims: Record<string, unknown>) => sso.provider.accounts.set(login, { login, claims });

describe('single sign-on', () => {
  it('offers the municipality login on the login page when it is configured', async () => {
    const options = await httpClient(baseUrl()).get('/api/auth/options');

    expect(options.body).toEqual({ password: true, sso: { loginUrl: '/api/auth/oidc/login' } });
  });

  it('logs a known person in by their verified email, with a session like a password login', async () => {
    const email = await sso.service.town.emailOf(sso.service.town.projectManager);
    account('per', { email: email.toUpperCase(), email_verified: true, name: 'Per P.' });
    const client = httpClient(baseUrl());

    const result = await signInWithSso(client, baseUrl(), 'per');

    expect(result.status).toBe(303);
    expect(result.location).toBe(`${baseUrl()}/#/`);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: sso.service.town.projectManager, roles: ['project-manager'] });
    const session = await models().Session.findOne({ personId: sso.service.town.projectManager, method: 'oidc' }).lean();
    expect(session).not.toBeNull();
    // The session writes like any other: the CSRF cookie came with /me.
    const created = await client.post('/api/goals', { code: 'X', title: 'x', weight: 1 });
    expect(created.status).toBe(403);
  });

  it("finds an Entra ID account by preferred_username when the token's email is not verified", async () => {
    const email = await sso.service.town.emailOf(sso.service.town.governance);
    account('gunn', { email: 'someone.else@example.org', preferred_username: email, name: 'Gunn' });
    const client = httpClient(baseUrl());

    await signInWithSso(client, baseUrl(), 'gunn');

    expect((await client.get('/api/auth/me')).body.user.id).toBe(sso.service.town.governance);
  });

  it('keeps a single-sign-on session for a person who has no password, and ends it when they lose their roles', async () => {
    const person = await models().Person.create({ name: 'Siri Sso', email: `siri.${sso.service.town.tag}@kommune.test`, roles: ['change-agent'] });
    account('siri', { email: person.email, email_verified: true });
    const client = httpClient(baseUrl());
    await signInWithSso(client, baseUrl(), 'siri');
    expect((await client.get('/api/auth/me')).status).toBe(200);

    await models().Person.updateOne({ _id: person._id }, { $set: { roles: [] } });

    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a person with no account with a page that says so, and creates nothing', async () => {
    account('ukjent', { email: `ukjent.${sso.service.town.tag}@kommune.test`, email_verified: true });

    const result = await signInWithSso(httpClient(baseUrl()), baseUrl(), 'ukjent');

    expect(result.status).toBe(403);
    expect(result.text).toContain('Du har ingen konto i Endringsporten');
    expect(result.text).toContain('data-outcome="unknown-person"');
    expect(await models().Person.exists({ email: `ukjent.${sso.service.town.tag}@kommune.test` })).toBeNull();
  });

  it('tells a person without a role that an administrator must give them one', async () => {
    const person = await models().Person.create({ name: 'Rolle Løs', email: `rolleløs.${sso.service.town.tag}@kommune.test`, roles: [] });
    account('rolleløs', { email: person.email, email_verified: true });

    const result = await signInWithSso(httpClient(baseUrl()), baseUrl(), 'rolleløs');

    expect(result.status).toBe(403);
    expect(result.text).toContain('En administrator må gi deg en rolle');
  });

  it('refuses a login whose only email is unverified', async () => {
    account('uverifisert', { email: await sso.service.town.emailOf(sso.service.town.admin), email_verified: false });

    const result = await signInWithSso(httpClient(baseUrl()), baseUrl(), 'uverifisert');

    expect(result.status).toBe(403);
    expect(result.text).toContain('data-outcome="no-verified-email"');
  });

  it('refuses a callback that this browser did not start (no state cookie)', async () => {
    const client = httpClient(baseUrl());

    const forged = await client.get('/api/auth/oidc/callback?code=abc&state=def');

    expect(forged.status).toBe(400);
    expect(forged.text).toContain('data-outcome="failed"');
  });

  it('keeps local passwords working beside single sign-on', async () => {
    const client = httpClient(baseUrl());
    const login = await client.post('/api/auth/login', { email: await sso.service.town.emailOf(sso.service.town.admin), password: TEST_PASSWORD });

    expect(login.status).toBe(200);
  });
});

describe('single sign-on with self-registration', () => {
  let open: SsoSetup;
  beforeAll(async () => {
    open = await startServiceWithSso({ OIDC_SELF_REGISTRATION: 'true' });
  });
  afterAll(async () => {
    await open?.stop();
  });

  it('registers an unknown verified person without roles and tells them an administrator must give them one', async () => {
    const email = `ny.ansatt.${open.service.town.tag}@kommune.test`;
    open.provider.accounts.set('ny', { login: 'ny', claims: { email, email_verified: true, name: 'Ny Ansatt' } });
    const client = httpClient(open.service.baseUrl);

    const result = await signInWithSso(client, open.service.baseUrl, 'ny');

    expect(result.status).toBe(403);
    expect(result.text).toContain('data-outcome="registered"');
    const person = await open.service.engine.db.models.Person.findOne({ email }).lean();
    expect(person).toMatchObject({ name: 'Ny Ansatt', roles: [], active: true });
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const audit = await open.service.engine.db.models.Audit.findOne({ action: 'person.self-registered', actorId: String(person!._id) }).lean();
    expect(audit).not.toBeNull();
  });
});

describe('single sign-on when the provider does not answer', () => {
  it('says so on a page instead of failing, and logs in with a password still works', async () => {
    const { startService } = await import('../helpers/app.js');
    const down = await startService({ env: { OIDC_ISSUER: 'http://127.0.0.1:9', OIDC_CLIENT_ID: 'endringsporten' } });
    try {
      const client = httpClient(down.baseUrl);

      const start = await client.get('/api/auth/oidc/login');

      expect(start.status).toBe(503);
      expect(start.text).toContain('data-outcome="unavailable"');
      const login = await client.post('/api/auth/login', { email: await down.town.emailOf(down.town.admin), password: TEST_PASSWORD });
      expect(login.status).toBe(200);
    } finally {
      await down.stop();
    }
  });
});

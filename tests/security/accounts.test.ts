// Accounts and sessions (api/auth/*, api/resources/people.ts, domain/accounts.ts): who may log
// in, which changes end a person's sessions at once, that an administrator cannot lock
// themself out, that failed logins are throttled per normalised email and per client address,
// that password hashing is queued without starving other requests, and that the configured first
// administrator is restored on every start.
//
// Failed logins are counted in this file's database per email and per address. Every test that
// fails logins on purpose sends them from an address of its own (X-Forwarded-For, trusted from
// loopback), so the shared 127.0.0.1 never comes near its limit of 50.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdministrator } from '../../api/server.js';
import { startService, TEST_PASSWORD, type HttpClient, type TestService } from '../helpers/app.js';
import { addPerson, freshAddress, login } from './accounts-helper.js';

let service: TestService;
let admin: HttpClient;

beforeAll(async () => {
  service = await startService();
  admin = await service.as(service.town.admin);
});
afterAll(async () => {
  await service?.stop();
});

const models = () => service.engine.db.models;
const WRONG = 'feil-passord-0000';

/** A person who is logged in, with their client. */
async function loggedIn(roles: string[] = ['project-manager']) {
  const person = await addPerson(service, roles);
  const { client, response } = await login(service, person.email);
  expect(response.status).toBe(200);
  expect((await client.get('/api/auth/me')).status).toBe(200);
  return { person, client };
}

describe('who can log in', () => {
  it('refuses a person with no roles: 403 account-inactive for the right password, 401 for a wrong one', async () => {
    const person = await addPerson(service, []);
    const address = freshAddress();

    const right = await login(service, person.email, TEST_PASSWORD, address);
    const wrong = await login(service, person.email, WRONG, address);

    expect(right.response.status).toBe(403);
    expect(right.response.body.error.code).toBe('account-inactive');
    expect(right.client.cookies.has('ep_session')).toBe(false);
    expect(wrong.response.status).toBe(401);
    expect(wrong.response.body.error.code).toBe('invalid-credentials');
    expect(await models().Session.countDocuments({ personId: person.id })).toBe(0);
  });

  it('refuses a deactivated person: 403 account-inactive for the right password, 401 for a wrong one', async () => {
    const person = await addPerson(service, ['project-manager', 'governance'], { active: false });
    const address = freshAddress();

    const right = await login(service, person.email, TEST_PASSWORD, address);
    const wrong = await login(service, person.email, WRONG, address);

    expect(right.response.status).toBe(403);
    expect(right.response.body.error.code).toBe('account-inactive');
    expect(right.client.cookies.has('ep_session')).toBe(false);
    expect(wrong.response.status).toBe(401);
    expect(wrong.response.body.error.code).toBe('invalid-credentials');
    expect(await models().Session.countDocuments({ personId: person.id })).toBe(0);
  });

  it('ends a session at once when an administrator takes away all roles', async () => {
    const { person, client } = await loggedIn(['project-manager', 'change-agent']);

    const change = await admin.put(`/api/people/${person.id}`, { roles: [] });

    expect(change.status).toBe(200);
    const next = await client.get('/api/initiatives');
    expect(next.status).toBe(401);
    expect(next.body.error.code).toBe('unauthenticated');
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('ends a session at once when an administrator deactivates the person', async () => {
    const { person, client } = await loggedIn(['governance']);

    const change = await admin.put(`/api/people/${person.id}`, { active: false });

    expect(change.status).toBe(200);
    expect(change.body.active).toBe(false);
    expect((await client.get('/api/goals')).status).toBe(401);
    expect((await client.post('/api/goals', { code: `X-${person.id}`, title: 'Skal ikke lagres', weight: 3 })).status).toBe(401);
    expect(await models().Goal.countDocuments({ code: `X-${person.id}` })).toBe(0);
  });

  it('stops a session on its next request even when the account is switched off outside the API', async () => {
    const { person, client } = await loggedIn(['enthusiast']);
    const other = await loggedIn(['enthusiast']);

    await models().Person.updateOne({ _id: person.id }, { $set: { active: false } });
    await models().Person.updateOne({ _id: other.person.id }, { $set: { roles: [] } });

    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect((await other.client.get('/api/auth/me')).status).toBe(401);
    expect(await models().Session.countDocuments({ personId: { $in: [person.id, other.person.id] } })).toBe(0);
  });
});

describe('changes that end sessions', () => {
  it("ends every session of a person when an administrator resets their password; only the new one works", async () => {
    const person = await addPerson(service, ['project-manager']);
    const first = (await login(service, person.email)).client;
    const second = (await login(service, person.email)).client;
    const address = freshAddress();

    const reset = await admin.put(`/api/people/${person.id}`, { password: 'nytt-passord-for-per' });

    expect(reset.status).toBe(200);
    expect(reset.body).not.toHaveProperty('passwordHash');
    expect(reset.body).not.toHaveProperty('password');
    expect((await first.get('/api/auth/me')).status).toBe(401);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    expect((await login(service, person.email, TEST_PASSWORD, address)).response.status).toBe(401);
    expect((await login(service, person.email, 'nytt-passord-for-per', address)).response.status).toBe(200);
  });

  it("ends a person's sessions when an administrator changes their roles", async () => {
    const { person, client } = await loggedIn(['project-manager']);

    const change = await admin.put(`/api/people/${person.id}`, { roles: ['project-manager', 'change-agent'] });

    expect(change.status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const again = await login(service, person.email);
    expect(again.response.body.user.roles).toEqual(['project-manager', 'change-agent']);
  });

  it('keeps the sessions of a person whose name or unit is changed', async () => {
    const { person, client } = await loggedIn(['project-manager']);

    const change = await admin.put(`/api/people/${person.id}`, { unit: 'Økonomi', name: `${person.name} Nynavn` });

    expect(change.status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('lets a person who changes their own password keep the session they changed it from, and ends their others', async () => {
    const self = await addPerson(service, ['admin']);
    const current = (await login(service, self.email)).client;
    const elsewhere = (await login(service, self.email)).client;

    const change = await current.put(`/api/people/${self.id}`, { password: 'mitt-nye-passord-123' });

    expect(change.status).toBe(200);
    expect((await current.get('/api/auth/me')).status).toBe(200);
    expect((await current.put(`/api/people/${self.id}`, { unit: 'Digitalisering' })).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
  });

  it('clears a password with PUT {password: null}: the person cannot log in, and GET shows localLogin false but never a hash', async () => {
    const { person, client } = await loggedIn(['service-owner']);
    const address = freshAddress();

    const cleared = await admin.put(`/api/people/${person.id}`, { password: null });
    const shown = await admin.get(`/api/people/${person.id}`);
    const attempt = await login(service, person.email, TEST_PASSWORD, address);

    expect(cleared.status).toBe(200);
    expect(cleared.body.localLogin).toBe(false);
    expect(shown.body.localLogin).toBe(false);
    for (const body of [cleared.body, shown.body]) {
      expect(body).not.toHaveProperty('passwordHash');
      expect(body).not.toHaveProperty('password');
    }
    expect((await models().Person.findById(person.id).lean())!.passwordHash ?? null).toBeNull();
    expect(attempt.response.status).toBe(401);
    expect(attempt.response.body.error.code).toBe('invalid-credentials');
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('never answers the password hash in a list of people either', async () => {
    const person = await addPerson(service, ['enthusiast']);

    const list = await admin.get(`/api/people?filter=${encodeURIComponent(JSON.stringify({ id: [person.id] }))}`);

    expect(list.body).toHaveLength(1);
    expect(list.body[0].localLogin).toBe(true);
    expect(list.text).not.toContain('argon2');
    expect(list.body[0]).not.toHaveProperty('passwordHash');
  });
});

describe('an administrator and their own account', () => {
  it('cannot deactivate themself or take away their own administrator role (409), and nothing changes', async () => {
    const self = await addPerson(service, ['admin', 'governance']);
    const client = (await login(service, self.email)).client;

    const deactivate = await client.put(`/api/people/${self.id}`, { active: false });
    const demote = await client.put(`/api/people/${self.id}`, { roles: ['governance'] });
    const strip = await client.put(`/api/people/${self.id}`, { roles: [] });
    const both = await client.put(`/api/people/${self.id}`, { unit: 'Ny enhet', active: false });

    expect([deactivate.status, demote.status, strip.status, both.status]).toEqual([409, 409, 409, 409]);
    const stored = (await models().Person.findById(self.id).lean())!;
    expect(stored).toMatchObject({ active: true, roles: ['admin', 'governance'], unit: '' });
    expect((await client.get('/api/auth/me')).status).toBe(200);
    // Another administrator may.
    expect((await admin.put(`/api/people/${self.id}`, { roles: ['governance'] })).status).toBe(200);
  });
});

describe('login throttling', () => {
  it('after 10 failed logins for an email refuses even the right password with 429 and Retry-After', async () => {
    const person = await addPerson(service, ['project-manager']);
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login(service, person.email, `${WRONG}-${i}`, address)).response.status);

    const right = await login(service, person.email, TEST_PASSWORD, address);
    const elsewhere = await login(service, person.email, TEST_PASSWORD, freshAddress());
    const someoneElse = await login(service, (await addPerson(service, ['enthusiast'])).email, TEST_PASSWORD, address);

    expect(statuses).toEqual(Array(10).fill(401));
    expect(right.response.status).toBe(429);
    expect(right.response.body.error.code).toBe('too-many-requests');
    const retryAfter = Number(right.response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(right.client.cookies.has('ep_session')).toBe(false);
    expect(elsewhere.response.status).toBe(429);
    expect(someoneElse.response.status).toBe(200);
  });

  it('counts the email the same however it is padded, cased or written (NFKC)', async () => {
    const person = await addPerson(service, ['project-manager']);
    const address = freshAddress();
    const [local, domain] = person.email.split('@');
    const variants = [
      `  ${person.email}  `,
      person.email.toUpperCase(),
      `${local[0].toUpperCase()}${local.slice(1)}@${domain.toUpperCase()}`,
      `${local}\uFF20${domain}`, // fullwidth commercial at
      `\t${person.email}\n`,
    ];
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login(service, variants[i % variants.length], `${WRONG}-${i}`, address)).response.status);

    const plain = await login(service, person.email, TEST_PASSWORD, freshAddress());
    const padded = await login(service, ` ${person.email.toUpperCase()} `, TEST_PASSWORD, freshAddress());

    expect(statuses).toEqual(Array(10).fill(401));
    expect(plain.response.status).toBe(429);
    expect(padded.response.status).toBe(429);
  });

  it("clears an email's failures when the person logs in", async () => {
    const person = await addPerson(service, ['project-manager']);
    const address = freshAddress();
    const fail = async (count: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < count; i++) statuses.push((await login(service, person.email, `${WRONG}-${i}`, address)).response.status);
      return statuses;
    };

    const before = await fail(9);
    const success = await login(service, person.email, TEST_PASSWORD, address);
    const after = await fail(9);
    const again = await login(service, person.email, TEST_PASSWORD, address);

    expect(before).toEqual(Array(9).fill(401));
    expect(success.response.status).toBe(200);
    // Without the clearing, the tenth failure in all would have throttled these.
    expect(after).toEqual(Array(9).fill(401));
    expect(again.response.status).toBe(200);
  });

  it('after 50 failed logins from one address refuses that address for any email, while other addresses still log in', async () => {
    const person = await addPerson(service, ['project-manager']);
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await login(service, `gjett.${i}.${person.id}@kommune.test`, WRONG, address)).response.status);

    const fromThere = await login(service, person.email, TEST_PASSWORD, address);
    const fromElsewhere = await login(service, person.email, TEST_PASSWORD, freshAddress());

    expect(statuses).toEqual(Array(50).fill(401));
    expect(fromThere.response.status).toBe(429);
    expect(Number(fromThere.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(fromElsewhere.response.status).toBe(200);
  });
});

describe('password hashing under load', () => {
  it('answers 60 concurrent logins with 200, 401 or 429 only, and answers /healthz while they still queue', async () => {
    const people = await Promise.all(Array.from({ length: 6 }, () => addPerson(service, ['enthusiast'])));
    let finished = 0;
    const logins = Array.from({ length: 60 }, (_, i) => {
      const right = i % 2 === 0;
      const email = right ? people[i % people.length].email : `ukjent.${i}.${people[0].id}@kommune.test`;
      return login(service, email, right ? TEST_PASSWORD : WRONG, freshAddress()).then(({ response }) => {
        finished += 1;
        return response.status;
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const health = await fetch(`${service.baseUrl}/healthz`);
    const finishedWhenHealthy = finished;
    const statuses = await Promise.all(logins);

    expect(health.status).toBe(200);
    // The check ran while logins were still waiting for their turn to hash.
    expect(finishedWhenHealthy).toBeLessThan(60);
    expect(statuses.filter((s) => ![200, 401, 429].includes(s))).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBe(30);
  });
});

describe('the configured first administrator', () => {
  it('is restored on every start with the admin role, active, and the configured password', async () => {
    const email = `forste.admin.${service.town.tag}@kommune.test`;
    const password = 'konfigurert-admin-passord';
    const context = { ...service.context, config: { ...service.context.config, admin: { email, password } } };
    await ensureAdministrator(context);
    const first = await login(service, email, password);
    expect(first.response.status).toBe(200);
    const id = first.response.body.user.id;
    const locked = await admin.put(`/api/people/${id}`, { active: false, roles: ['governance'], password: 'et-helt-annet-passord' });
    expect(locked.status).toBe(200);
    expect((await login(service, email, password, freshAddress())).response.status).toBe(401);

    await ensureAdministrator(context);

    const restored = await login(service, email, password);
    expect(restored.response.status).toBe(200);
    expect(restored.response.body.user.roles).toContain('admin');
    expect((await restored.client.get(`/api/people/${id}`)).body).toMatchObject({ active: true, email });
    expect(await models().Person.countDocuments({ email })).toBe(1);
  });
});

// Shared by the security tests: people made for one test (so no test changes the town's
// accounts under another), logins from a chosen client address, and JSON query strings.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../api/auth/passwords.js';
import { httpClient, TEST_PASSWORD, type HttpClient, type HttpResponse, type TestService } from '../helpers/app.js';

export const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

export interface TestPerson {
  id: string;
  email: string;
  name: string;
}

/** A person with TEST_PASSWORD, a unique email and the given roles. */
export async function addPerson(service: TestService, roles: string[], extra: Record<string, unknown> = {}): Promise<TestPerson> {
  const tag = randomUUID().slice(0, 8);
  const name = `Sikker Person ${tag}`;
  const email = `sikker.${tag}@kommune.test`;
  const doc = await service.engine.db.models.Person.create({ name, email, roles, passwordHash: await hashPassword(TEST_PASSWORD), ...extra });
  return { id: String(doc._id), email, name };
}

/**
 * Logs in as a browser would. `address` is sent as X-Forwarded-For (the API trusts it from
 * loopback, where the tests run), so a test's failed logins count against an address of its own
 * and not against 127.0.0.1, which every other login of the file shares.
 */
export async function login(service: TestService, email: string, password = TEST_PASSWORD, address?: string): Promise<{ client: HttpClient; response: HttpResponse }> {
  const client = httpClient(service.baseUrl);
  const response = await client.request('POST', '/api/auth/login', { email, password }, address ? { 'x-forwarded-for': address } : {});
  return { client, response };
}

/** A client address of the documentation ranges, unique per call. */
let addressCounter = 0;
export const freshAddress = () => {
  addressCounter += 1;
  return `198.51.${100 + Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
};

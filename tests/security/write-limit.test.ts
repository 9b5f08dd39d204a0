// The per-account write limit (api/app.ts WRITES_PER_MINUTE): more than 600 writes a minute
// from one account answer 429, whatever the writes are (refused ones count too); reads are not
// limited by it, and other accounts keep writing. In a file of its own: it spends a minute's
// budget of the account it uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRITES_PER_MINUTE } from '../../api/app.js';
import { startService, type TestService } from '../helpers/app.js';
import { addPerson, login } from './accounts-helper.js';

let service: TestService;

beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service?.stop();
});

describe('the per-account write limit', () => {
  it('answers 429 to the write after 600 in a minute from one account, but not to its reads or to other accounts', async () => {
    expect(WRITES_PER_MINUTE).toBe(600);
    const busy = (await login(service, (await addPerson(service, ['enthusiast'])).email)).client;
    const other = (await login(service, (await addPerson(service, ['enthusiast'])).email)).client;
    // An enthusiast may not create goals: each write is a cheap 403, and still counts.
    const write = (client: typeof busy, i: number) => client.post('/api/goals', { code: `W-${i}`, title: 'Ikke tillatt', weight: 3 });

    const statuses: number[] = [];
    for (let batch = 0; batch < WRITES_PER_MINUTE + 1; batch += 20) {
      const size = Math.min(20, WRITES_PER_MINUTE + 1 - batch);
      statuses.push(...(await Promise.all(Array.from({ length: size }, (_, i) => write(busy, batch + i).then((r) => r.status)))));
    }
    const limited = await write(busy, -1);
    const read = await busy.get('/api/goals');
    const me = await busy.get('/api/auth/me');
    const otherWrite = await write(other, -2);

    expect(statuses).toHaveLength(WRITES_PER_MINUTE + 1);
    expect(statuses.filter((s) => s === 403)).toHaveLength(WRITES_PER_MINUTE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('too-many-requests');
    expect(read.status).toBe(200);
    expect(me.status).toBe(200);
    expect(otherWrite.status).toBe(403);
  });
});

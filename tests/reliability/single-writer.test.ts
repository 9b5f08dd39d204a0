// One writer per initiative, on the embedded database (FerretDB 1.x rewrites a whole document on
// every update, with no lock): 200 writes — console PUTs of whole records, gate decisions,
// progress reports, benefit edits and measurements — hit the same initiatives at the same moment,
// and every one of them is found in the final state.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type HttpClient, type TestService } from '../helpers/app.js';
import { calmPolicies } from '../helpers/fixtures.js';

let service: TestService;

beforeAll(async () => {
  service = await startService();
  await calmPolicies(service.engine.db.models);
});
afterAll(async () => {
  await service?.stop();
});

const INITIATIVES = 10;
const PUTS = 5;
const PROGRESS_REPORTS = 5;
const BENEFIT_EDITS = 4;
const MEASUREMENTS = 3;
// Per initiative: 3 decisions + 5 PUTs + 5 progress reports + 4 benefit edits + 3 measurements = 20.

async function ok(answer: Promise<{ status: number; text: string; body: any }>, expected = 200) {
  const response = await answer;
  expect(response.status, response.text).toBe(expected);
  return response;
}

async function prepare(pm: HttpClient, tag: string) {
  const town = service.town;
  const created = await ok(
    pm.post('/api/initiatives', {
      title: `Kappløp ${tag}`,
      serviceId: town.service,
      projectManagerId: town.projectManager,
      governanceId: town.governance,
      goalLinks: [{ goalId: town.goal, contribution: 3, rationale: 'Digitalt førstevalg' }],
      changeAgentIds: [town.changeAgent],
    }),
    201,
  );
  const id: string = created.body.id;
  const benefits: string[] = [];
  for (const title of ['Færre telefoner', 'Kortere ventetid']) {
    const benefit = await ok(
      pm.post('/api/benefits', {
        initiativeId: id, title, category: 'quality', indicator: 'Antall', unit: 'stk', baseline: 100, baselineDate: '2026-01-01',
        target: 10, direction: 'decrease', measureEvery: 'P1M', followUpUntil: '2028-12-31',
      }),
      201,
    );
    benefits.push(benefit.body.id);
  }
  return { id, benefits };
}

describe('two hundred concurrent writes on ten initiatives', () => {
  it('are all found in the final state', async () => {
    const { town } = service;
    const pm = await service.as(town.projectManager);
    const governance = await service.as(town.governance);
    const owner = await service.as(town.owner);
    const console = await service.as(town.projectManager);
    const extraEnthusiast = await service.engine.db.models.Person.create({ name: 'Kari Ildsjel', email: `kari.${randomUUID().slice(0, 8)}@kommune.test`, roles: ['enthusiast'] });
    const initiatives = await Promise.all(Array.from({ length: INITIATIVES }, (_, i) => prepare(pm, `${town.tag}-${i}`)));
    let writes = 0;
    const count = <T>(promise: Promise<T>) => promise.then((value) => ((writes += 1), value));

    await Promise.all(
      initiatives.map(async ({ id, benefits }) => {
        const gates = (async () => {
          await count(ok(governance.post(`/api/initiatives/${id}/decisions`, { gate: 'goal-alignment', decision: 'approve', comment: 'Godt forankret' })));
          await count(ok(owner.post(`/api/initiatives/${id}/decisions`, { gate: 'owner-signoff', decision: 'approve', comment: 'Jeg eier endringen' })));
          for (let k = 1; k <= PROGRESS_REPORTS; k++) await count(ok(pm.post(`/api/initiatives/${id}/progress`, { percent: k * 10, note: `Rapport ${k}` })));
          await count(ok(pm.post(`/api/initiatives/${id}/decisions`, { gate: 'implementation', decision: 'approve', comment: 'Ferdig' })));
        })();
        // A console user saving the whole record as react-admin sends it, one edit after another.
        const puts = (async () => {
          const edits: Record<string, unknown>[] = [
            { title: `Omdøpt ${id}` },
            { description: `Beskrivelse ${id}` },
            { enthusiastIds: [String(extraEnthusiast._id)] },
            { changeAgentIds: [town.changeAgent, town.changeAgent2] },
            { title: `Endelig tittel ${id}` },
          ];
          for (const edit of edits.slice(0, PUTS)) {
            const record = (await console.get(`/api/initiatives/${id}`)).body;
            await count(ok(console.request('PUT', `/api/initiatives/${id}`, { ...record, ...edit }, { 'x-endringsporten-client': 'console' })));
          }
        })();
        const benefitEdits = (async () => {
          for (let k = 0; k < BENEFIT_EDITS; k++) {
            const benefitId = benefits[k % 2];
            const record = (await pm.get(`/api/benefits/${benefitId}`)).body;
            await count(ok(pm.put(`/api/benefits/${benefitId}`, { ...record, dataSource: `Kilde ${k}` })));
          }
        })();
        const measurements = (async () => {
          for (let k = 1; k <= MEASUREMENTS; k++) {
            const measuredAt = new Date(Date.UTC(2026, 5, k)).toISOString();
            await count(ok(owner.post('/api/measurements', { benefitId: benefits[0], value: 100 - k * 5, measuredAt, note: `Måling ${k}` }), 201));
          }
        })();
        await Promise.all([gates, puts, benefitEdits, measurements]);
      }),
    );

    expect(writes).toBe(200);
    const { models } = service.engine.db;
    for (const { id, benefits } of initiatives) {
      const initiative = (await models.Initiative.findById(id).lean())!;
      expect(initiative).toMatchObject({
        title: `Endelig tittel ${id}`,
        description: `Beskrivelse ${id}`,
        enthusiastIds: [String(extraEnthusiast._id)],
        changeAgentIds: [town.changeAgent, town.changeAgent2],
        gate: 'implementation',
        gateStep: 'confirmation',
        progressPercent: PROGRESS_REPORTS * 10,
      });
      expect(await models.Decision.countDocuments({ initiativeId: id })).toBe(3);
      expect(await models.Audit.countDocuments({ initiativeId: id, action: 'progress.reported' })).toBe(PROGRESS_REPORTS);
      expect(await models.Audit.countDocuments({ initiativeId: id, action: 'initiative.updated' })).toBe(PUTS);
      const [first, second] = await Promise.all(benefits.map((b) => models.Benefit.findById(b).lean()));
      expect(first).toMatchObject({ dataSource: 'Kilde 2', latestValue: 100 - MEASUREMENTS * 5 });
      expect(second).toMatchObject({ dataSource: 'Kilde 3' });
      expect(await models.Measurement.countDocuments({ benefitId: benefits[0] })).toBe(MEASUREMENTS);
    }
  }, 240_000);
});

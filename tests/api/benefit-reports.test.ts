// The printable benefit realisation reports, per initiative and per service owner: HTML that
// stands alone (no script, nothing fetched), in the reader's language, with a chart per benefit,
// the band, planned and realised NOK, the harvest, the reviews and the decisions.
import { randomUUID } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type HttpClient, type TestService } from '../helpers/app.js';
import { eventually } from '../helpers/browser.js';
import { calmPolicies } from '../helpers/fixtures.js';
import { inBenefitRealisation, type Arranged } from '../browser/scenarios.js';

let service: TestService;
let reader: HttpClient;
let followed: Arranged & { benefitId: string };

/** Text without tags, with the non-breaking spaces Intl puts in numbers made plain. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  service = await startService();
  await calmPolicies(service.engine.db.models);
  const { town } = service;
  // Any active account reads portfolio data: an enthusiast is the least privileged.
  reader = await service.as(town.enthusiast);
  followed = await inBenefitRealisation(service, 'Digital søknad om parkeringskort', { valuePerYear: 400_000, title: 'Færre manuelle søknader', unit: '%' });
  const projectManager = await service.as(town.projectManager);
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  for (const [value, measuredAt] of [[30, daysAgo(20)], [45, daysAgo(0)]] as const) {
    const answer = await projectManager.post('/api/measurements', { benefitId: followed.benefitId, value, measuredAt, note: `Måling ${value}` });
    expect(answer.status, answer.text).toBe(201);
  }
  const { models, connection } = service.engine.db;
  await eventually('the workflow to evaluate the last measurement', async () => (await models.Benefit.findById(followed.benefitId).lean())?.latestValue === 45);
  // Harvest and reviews are written by the workflow in another branch; the report reads them as
  // documented in API.md, so the test writes them the way that branch will store them.
  await connection.collection('benefits').updateOne(
    { _id: new ObjectId(followed.benefitId) },
    { $set: { harvest: { how: 'budget-reduced', note: 'Én stilling mindre i servicetorget', byId: town.owner, at: new Date() } } },
  );
  await connection.collection('reviews').insertMany([
    { initiativeId: followed.id, dueAt: new Date(Date.now() - 86_400_000), status: 'decided', decision: 'continue', note: 'Følg opp ett år til', byId: town.governance, at: new Date() },
    { initiativeId: followed.id, dueAt: new Date(Date.now() + 180 * 86_400_000), status: 'open', decision: null, note: '', byId: null, at: null },
  ]);
});
afterAll(async () => {
  await service?.stop();
});

describe('the initiative report', () => {
  it('is a self-contained HTML page: no script, nothing fetched from elsewhere, under the app’s CSP', async () => {
    const answer = await reader.get(`/api/initiatives/${followed.id}/report`);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.text).not.toMatch(/<script|\son\w+=|javascript:/i);
    expect(answer.text).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(answer.text).not.toMatch(/<link|@import|url\(/i);
    expect(answer.text).toMatch(/@media print/);
  });

  it('shows the benefit with its chart, band, planned and realised NOK and how it is taken out', async () => {
    const html = (await reader.get(`/api/initiatives/${followed.id}/report`)).text;
    const text = textOf(html);

    expect(html).toContain('<html lang="nb">');
    expect(html).toMatch(new RegExp(`<h1>${followed.title}</h1>`));
    const benefit = html.slice(html.indexOf(`data-testid="benefit-${followed.benefitId}"`));
    expect(benefit).toContain('data-band="on-track"');
    expect(benefit.match(/<svg[^>]+role="img"/g)).toHaveLength(1);
    expect(benefit.match(/<circle class="measurement"/g)).toHaveLength(2);
    expect(benefit).toContain('class="plan-line"');
    expect(text).toContain('I rute');
    // (45 − 10) / (80 − 10) = 50 %: 200 000 of 400 000 kroner a year.
    expect(text).toMatch(/Planlagt verdi per år 400 000 kr/);
    expect(text).toMatch(/Realisert verdi per år 200 000 kr/);
    expect(text).toMatch(/Måloppnåelse 50 %/);
    expect(text).toContain('Redusert budsjett – Én stilling mindre i servicetorget (Tor Tjenesteeier');
    expect(text).toMatch(/Måling 30.*Måling 45/);
  });

  it('lists the reviews and every gate decision with who made it', async () => {
    const html = (await reader.get(`/api/initiatives/${followed.id}/report`)).text;
    const reviews = textOf(html.slice(html.indexOf('data-testid="reviews"'), html.indexOf('data-testid="decisions"')));
    const decisions = textOf(html.slice(html.indexOf('data-testid="decisions"')));

    expect(reviews).toContain('Besluttet Fortsett oppfølgingen Følg opp ett år til Gunn Styring');
    expect(reviews).toContain('Åpen');
    for (const gate of ['Målforankring', 'Eierskap (tjenesteeiers godkjenning)', 'Gjennomføring', 'Gjennomføring (bekreftelse)']) expect(decisions).toContain(`${gate} Godkjent`);
    expect(decisions).toContain('Per Prosjektleder');
  });

  it('speaks English to a reader who asks for it, or whose locale is English', async () => {
    const asked = await reader.get(`/api/initiatives/${followed.id}/report?locale=en`);
    const englishOwner = await service.as(service.town.englishOwner);
    const own = await englishOwner.get(`/api/initiatives/${followed.id}/report`);

    for (const answer of [asked, own]) {
      expect(answer.text).toContain('<html lang="en">');
      expect(textOf(answer.text)).toMatch(/On track.*Planned value a year NOK 400,000.*Budget reduced/);
    }
  });

  it('answers 401 without a session, 404 for an unknown initiative and 400 for an unknown language', async () => {
    expect((await service.anonymous().get(`/api/initiatives/${followed.id}/report`)).status).toBe(401);
    expect((await reader.get(`/api/initiatives/${new ObjectId().toHexString()}/report`)).status).toBe(404);
    expect((await reader.get('/api/initiatives/not-an-id/report')).status).toBe(404);
    const language = await reader.get(`/api/initiatives/${followed.id}/report?locale=de`);
    expect([language.status, Object.keys(language.body.error.fields)]).toEqual([400, ['locale']]);
  });
});

describe("the service owner's report", () => {
  it('covers the benefits the person owns, with the same totals as their scoreboard row', async () => {
    const { town } = service;
    const html = (await reader.get(`/api/reports/owners/${town.owner}/report`)).text;
    const row = (await reader.get('/api/reports/owners')).body.find((r: { ownerId: string }) => r.ownerId === town.owner);
    const summary = textOf(html.slice(html.indexOf('data-testid="summary"'), html.indexOf('class="initiative"')));

    expect(html).toContain('<h1>Gevinster for Tor Tjenesteeier</h1>');
    expect(html).toContain(`data-testid="initiative-${followed.id}"`);
    expect(html).toContain(`data-testid="benefit-${followed.benefitId}"`);
    expect(summary).toContain(`Gevinster ${row.benefits}`);
    expect(summary).toContain(`Planlagt verdi per år ${row.plannedValuePerYear.toLocaleString('nb-NO').replace(/\s/g, ' ')} kr`);
    expect(summary).toContain(`Realisert verdi per år ${row.realisedValuePerYear.toLocaleString('nb-NO').replace(/\s/g, ' ')} kr`);
    expect(row.realisedValuePerYear).toBe(200_000);
  });

  it('says so when the person owns no benefits, and 404 for someone who does not exist', async () => {
    const { models } = service.engine.db;
    const newcomer = await models.Person.create({ name: 'Ny Leder', email: `ny.${randomUUID().slice(0, 8)}@kommune.test`, roles: ['service-owner'] });

    const empty = await reader.get(`/api/reports/owners/${String(newcomer._id)}/report`);

    expect(empty.status).toBe(200);
    expect(textOf(empty.text)).toContain('Ingen gevinster er registrert.');
    expect((await reader.get(`/api/reports/owners/${new ObjectId().toHexString()}/report`)).status).toBe(404);
  });
});

// The console follows the rules in domain/ that the API enforces: who sees which pages and
// buttons, which fields an edit may touch at the current gate, how a refusal reads, and an
// export that a spreadsheet cannot run as formulas.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestService } from '../helpers/app.js';
import { eventually, signIn, visit } from '../helpers/browser.js';
import { browserSuite } from './suite.js';
import { atGoalAlignment, awaitingOwnerSignoff, inBenefitRealisation } from './scenarios.js';

const suite = browserSuite('tests/browser/console-rules.test.ts', ['chromium', 'console']);
const { inBrowser } = suite;

let service: TestService;
/** A second governance role, not the one the test initiatives name. */
let otherGovernanceEmail: string;

beforeAll(async () => {
  const started = await suite.start();
  if (!started) return;
  service = started;
  const { models } = service.engine.db;
  const named = await models.Person.findById(service.town.governance).lean();
  otherGovernanceEmail = `gro.styring.${service.town.tag}@kommune.test`;
  await models.Person.create({ name: 'Gro Styring', email: otherGovernanceEmail, roles: ['governance'], passwordHash: named!.passwordHash });
});

async function consoleAs(personId: string): Promise<Page> {
  return consoleWithEmail(await service.town.emailOf(personId));
}

async function consoleWithEmail(email: string): Promise<Page> {
  const { page } = await suite.newPage();
  await signIn(page, service.baseUrl, email);
  return page;
}

/** The initiative page with its toolbar drawn for the signed-in user. */
async function initiativePage(page: Page, id: string) {
  await visit(page, service.baseUrl, `/initiatives/${id}/show`, 'initiative-actions');
}

/** Waits for the input labelled `label`, then checks whether it is disabled. */
async function expectDisabled(page: Page, label: RegExp, disabled: boolean) {
  const input = page.getByLabel(label);
  await input.waitFor();
  expect(await input.isDisabled(), `${label} disabled`).toBe(disabled);
}

describe('the console follows the rules in domain/', () => {
  inBrowser('a governance role without administrator rights has no People page and cannot register initiatives', async () => {
    const page = await consoleAs(service.town.governance);

    await page.locator('a[href="#/initiatives"]').first().waitFor();
    expect(await page.locator('a[href="#/people"]').count()).toBe(0);
    expect(await page.locator('a[href="#/emails"]').count()).toBe(1);
    await visit(page, service.baseUrl, '/initiatives', 'list-search');
    expect(await page.locator('a[href="#/initiatives/create"]').count()).toBe(0);
    await page.goto(`${service.baseUrl}/#/people`);
    await page.getByRole('heading', { level: 1, name: 'Ingen tilgang' }).first().waitFor();
  });

  inBrowser("a project manager sees the initiative's people by name, from the directory", async () => {
    const { id } = await atGoalAlignment(service, 'Digital søknad om tilrettelegging');
    const page = await consoleAs(service.town.projectManager);

    await initiativePage(page, id);

    for (const name of ['Per Prosjektleder', 'Tor Tjenesteeier', 'Gunn Styring', 'Eva Endringsagent', 'Ine Ildsjel']) {
      await page.getByText(name, { exact: true }).first().waitFor();
    }
    expect(await page.locator('a[href="#/people"]').count()).toBe(0);
  });

  inBrowser('only the governance role the initiative names may decide its goal alignment', async () => {
    const { id } = await atGoalAlignment(service, 'Digital søknad om feiing');
    const page = await consoleWithEmail(otherGovernanceEmail);

    await initiativePage(page, id);

    expect(await page.getByTestId('decide-button').count()).toBe(0);
  });

  inBrowser('a deputy decides in the console for the service owner who is away; another service owner is not offered it', async () => {
    const { id } = await awaitingOwnerSignoff(service, 'Digital søknad om skjenkebevilling');
    const { models } = service.engine.db;
    const owner = service.town.owner;
    const deputyEmail = `dina.stedfortreder.${service.town.tag}@kommune.test`;
    const { passwordHash } = (await models.Person.findById(owner).lean())!;
    const deputy = String((await models.Person.create({ name: 'Dina Stedfortreder', email: deputyEmail, roles: ['service-owner'], passwordHash }))._id);
    const admin = await service.as(service.town.admin);
    const day = 86_400_000;
    const away = { from: new Date(Date.now() - day).toISOString(), to: new Date(Date.now() + day).toISOString(), deputyId: deputy };
    expect((await admin.put(`/api/people/${owner}`, { absences: [away] })).status).toBe(200);
    try {
      const colleague = await consoleAs(service.town.englishOwner);
      await initiativePage(colleague, id);
      expect(await colleague.getByTestId('decide-button').count()).toBe(0);

      const page = await consoleWithEmail(deputyEmail);
      await initiativePage(page, id);
      await page.getByTestId('decide-button').click();
      const dialog = page.getByTestId('decide-dialog');
      await dialog.getByRole('radio', { name: 'Godkjenn', exact: true }).check();
      await dialog.getByTestId('decide-dialog-submit').click();

      await eventually('the deputy\'s decision', async () => Boolean(await models.Decision.exists({ initiativeId: id, gate: 'owner-signoff', byId: deputy, deputyFor: owner, channel: 'console' })));
    } finally {
      await admin.put(`/api/people/${owner}`, { absences: [] });
    }
  });

  inBrowser('an approval the gate is not ready for says what is missing, and the gate stays where it was', async () => {
    const { id } = await atGoalAlignment(service, 'Digital søknad uten mål', { goalLinks: [], goalIds: [] });
    const page = await consoleAs(service.town.governance);
    await initiativePage(page, id);

    await page.getByTestId('decide-button').click();
    const dialog = page.getByTestId('decide-dialog');
    await dialog.getByRole('radio', { name: 'Godkjenn', exact: true }).check();
    await dialog.getByTestId('decide-dialog-submit').click();

    await page.getByText(/^Ikke klar for denne beslutningen – mangler: Målkoblinger: goal alignment needs/).waitFor();
    expect(await dialog.isVisible()).toBe(true);
    expect((await service.engine.db.models.Initiative.findById(id).lean())!.gate).toBe('goal-alignment');
  });

  inBrowser('in benefit realisation the edit forms lock the service owner and the goal links, and send a changed plan to the owner, and say why', async () => {
    const { id, benefitId } = await inBenefitRealisation(service, 'Digital søknad om ledsagerbevis');
    const page = await consoleAs(service.town.projectManager);

    await page.goto(`${service.baseUrl}/#/initiatives/${id}/edit`);
    await expectDisabled(page, /^Tjenesteeier$/, true);
    await expectDisabled(page, /^Styringsrolle$/, false);
    await expectDisabled(page, /^Tittel/, false);
    await page.getByText('Porten venter på denne personen nå', { exact: false }).waitFor();
    await page.getByText('Godkjent ved målforankring', { exact: false }).waitFor();

    // The accepted plan is a baseline: its target may change only as a plan change the owner accepts.
    await page.goto(`${service.baseUrl}/#/benefits/${benefitId}/edit`);
    await expectDisabled(page, /^Målverdi/, false);
    await expectDisabled(page, /^Tittel/, false);
    await page.getByText('Tjenesteeieren har godtatt denne planen: endringen går til dem', { exact: false }).first().waitFor();
  });

  inBrowser('an administrator deletes an initiative that is no longer active', async () => {
    const { id } = await atGoalAlignment(service, 'Avlyst digital søknad');
    const admin = await service.as(service.town.admin);
    expect((await admin.post(`/api/initiatives/${id}/admin`, { action: 'cancel', reason: 'Erstattet av et annet initiativ' })).status).toBe(200);
    await eventually('the cancellation in the read model', async () => (await service.engine.db.models.Initiative.findById(id).lean())?.status === 'cancelled');
    const page = await consoleAs(service.town.admin);
    await initiativePage(page, id);

    await page.getByTestId('initiative-actions').getByRole('button', { name: 'Slett' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Bekreft' }).click();

    await eventually('the initiative to be gone', async () => !(await service.engine.db.models.Initiative.exists({ _id: id })));
  });

  inBrowser('the CSV export of a list writes a typed formula as text', async () => {
    const { benefitId } = await inBenefitRealisation(service, 'Digital søknad om parkering');
    const formula = `=HYPERLINK("http://angriper.test";"${benefitId.slice(-6)}")`;
    const projectManager = await service.as(service.town.projectManager);
    const today = new Date().toISOString().slice(0, 10);
    expect((await projectManager.post('/api/measurements', { benefitId, value: 12, measuredAt: today, note: formula })).status).toBe(201);
    const page = await consoleAs(service.town.projectManager);
    await page.goto(`${service.baseUrl}/#/measurements?filter=${encodeURIComponent(JSON.stringify({ benefitId }))}`);
    await page.locator('tbody tr').first().waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksporter' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');

    expect(csv).toContain(`"'${formula.replace(/"/g, '""')}"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

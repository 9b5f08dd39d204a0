// Helpers for the governance suites (tests/governance): a fresh cast of people per test, so each
// test reads only its own mail; initiatives driven to a gate as the API drives them; complete
// decision bases; bounded waits on mail and on the read model. Nothing here is mocked: the
// service, Temporal, FerretDB and Mailpit are the real ones startService() runs.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Gate } from '../../domain/types.js';
import { workflowIdFor } from '../../workflows/definitions.js';
import { startService, type HttpClient, type TestService } from './app.js';
import { addBenefit, calmPolicies, createInitiativeDoc, createMunicipality, type Municipality } from './fixtures.js';
import { recordHistory } from './histories.js';
import { linkPath } from './links.js';
import type { CaughtEmail } from './mailbox.js';

export type Cast = Municipality;

/** Everything a decision basis needs before a draft may go to governance. */
export const completeBasis = () => ({
  problem: 'Søknader om trygghetsalarm kommer på papir og tar tre uker å behandle.',
  costEstimate: { investment: 450_000, yearlyRunning: 60_000 },
  risk: { level: 'medium', description: 'Fagsystemets leverandør må levere et grensesnitt.' },
  alternatives: 'Å la være, eller bruke en nasjonal felleskomponent.',
  dpia: 'needed',
  documents: [{ title: 'Forprosjektrapport', url: 'https://kommune.example/forprosjekt.pdf' }],
});

export function governanceKit(service: TestService) {
  const models = () => service.engine.db.models;
  const clients = new Map<string, Promise<HttpClient>>();
  const { mailbox } = service.engine;

  /** A logged-in console client for a person, logged in once per file. */
  function as(personId: string): Promise<HttpClient> {
    if (!clients.has(personId)) clients.set(personId, service.as(personId));
    return clients.get(personId)!;
  }

  async function passwordHash(): Promise<string> {
    return (await models().Person.findById(service.town.admin).lean())!.passwordHash!;
  }

  /** People in every role with mailboxes of their own, who can log in. */
  async function cast(): Promise<Cast> {
    const people = await createMunicipality(models());
    await models().Person.updateMany({ email: { $regex: people.tag } }, { $set: { passwordHash: await passwordHash() } });
    return people;
  }

  /** One more person for a cast (a deputy, a board member), with a mailbox of their own. */
  async function person(c: Cast, name: string, roles: string[], extra: Record<string, unknown> = {}): Promise<string> {
    const doc = await models().Person.create({
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${c.tag}.${randomUUID().slice(0, 4)}@kommune.test`,
      roles,
      passwordHash: await passwordHash(),
      ...extra,
    });
    return String(doc._id);
  }

  const emailOf = async (personId: string) => (await models().Person.findById(personId).lean())!.email;

  /** Waits (bounded) for `count` emails of `kind` about the initiative to the person; oldest first. */
  async function mail(personId: string, initiativeId: string, kind: string, options: { count?: number; timeoutMs?: number; where?: (e: CaughtEmail) => boolean } = {}) {
    const { where = () => true, ...rest } = options;
    return mailbox.waitFor(await emailOf(personId), (e) => e.initiativeId === initiativeId && e.kind === kind && where(e), rest);
  }

  /** The emails about the initiative the person has now (of `kind`, when given). */
  async function mailNow(personId: string, initiativeId: string, kind?: string) {
    return (await mailbox.messagesTo(await emailOf(personId))).filter((e) => e.initiativeId === initiativeId && (!kind || e.kind === kind));
  }

  /** The path of the action link in the latest email of `kind` about the initiative to the person. */
  async function link(personId: string, initiativeId: string, kind: string, options: { count?: number; timeoutMs?: number } = {}) {
    const emails = await mail(personId, initiativeId, kind, options);
    return linkPath(emails[emails.length - 1]);
  }

  const readModel = async (id: string) => (await models().Initiative.findById(id).lean())!;

  /** Polls (bounded) until `probe` answers something truthy, and returns it. */
  async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** An initiative saved and started as the API starts one, with a benefit plan unless told otherwise. */
  async function start(c: Cast, overrides: Record<string, unknown> = {}, { benefit = true as boolean | Record<string, unknown> } = {}): Promise<string> {
    const id = await createInitiativeDoc(models(), c, { title: `Digital trygghetsalarm ${c.tag} ${randomUUID().slice(0, 6)}`, ...overrides });
    if (benefit) await addBenefit(models(), id, c.owner, { followUpUntil: new Date('2027-12-31'), measureEvery: 'P30D', ...(benefit === true ? {} : benefit) });
    await service.context.workflows.start(id, (overrides.kind as 'project' | 'line' | undefined) ?? 'project');
    return id;
  }

  const decide = (id: string, gate: Gate, decision: 'approve' | 'revise' | 'reject' | 'hold', actorId: string, extra: Record<string, unknown> = {}) =>
    service.context.workflows.decide(id, { gate, decision, comment: `${decision} ${gate}`, actorId, channel: 'api', ...extra });

  /** Approves gate by gate (as their deciders, through the workflow) until the initiative stands at `gate`. */
  async function driveTo(c: Cast, id: string, gate: Gate): Promise<void> {
    const order: Gate[] = ['goal-alignment', 'owner-signoff', 'implementation', 'benefit-realisation'];
    for (const passing of order.slice(0, order.indexOf(gate))) {
      if (passing === 'goal-alignment') await decide(id, passing, 'approve', c.governance);
      if (passing === 'owner-signoff') await decide(id, passing, 'approve', c.owner);
      if (passing === 'implementation') {
        await decide(id, passing, 'approve', c.projectManager);
        await decide(id, passing, 'approve', c.owner, { step: 'confirmation' });
      }
    }
  }

  /** The body of POST /api/initiatives for a cast: governance, goal, change agent, enthusiast. */
  const initiativeBody = (c: Cast, overrides: Record<string, unknown> = {}) => ({
    title: `Digital trygghetsalarm ${c.tag} ${randomUUID().slice(0, 6)}`,
    description: 'Innbyggere søker om trygghetsalarm på nett.',
    serviceId: c.service,
    projectManagerId: c.projectManager,
    governanceId: c.governance,
    goalLinks: [{ goalId: c.goal, contribution: 3, rationale: 'Gjør søknaden digital' }],
    changeAgentIds: [c.changeAgent],
    enthusiastIds: [c.enthusiast],
    ...overrides,
  });

  /** The body of POST /api/benefits. */
  const benefitBody = (initiativeId: string, overrides: Record<string, unknown> = {}) => ({
    initiativeId,
    title: 'Flere digitale søknader',
    category: 'efficiency',
    indicator: 'Andel digitale søknader',
    unit: '%',
    dataSource: 'Fagsystem',
    baseline: 10,
    baselineDate: '2026-01-01',
    target: 80,
    direction: 'increase',
    measureEvery: 'P30D',
    followUpUntil: '2027-12-31',
    ...overrides,
  });

  const audit = (initiativeId: string, action: string) => models().Audit.find({ initiativeId, action }).lean();

  /** Keeps the initiative's history as it stands for the replay test (RECORD_HISTORIES=1 only). */
  const record = (initiativeId: string, name: string) => recordHistory(service.engine.client, workflowIdFor(initiativeId), name);

  return { models, as, cast, person, emailOf, mail, mailNow, link, readModel, eventually, start, decide, driveTo, initiativeBody, benefitBody, audit, record };
}

export type GovernanceKit = ReturnType<typeof governanceKit>;

/**
 * A governance test file's service: started before its tests with calm policies, handed over with
 * its kit (after `prepare`, the file's own set-up), and stopped after them.
 */
export function governanceSuite(started: (suite: { service: TestService; kit: GovernanceKit }) => void, prepare?: (kit: GovernanceKit) => Promise<unknown>) {
  let service: TestService | undefined;
  beforeAll(async () => {
    service = await startService();
    const kit = governanceKit(service);
    await calmPolicies(kit.models());
    started({ service, kit });
    await prepare?.(kit);
  });
  afterAll(async () => {
    await service?.stop();
  });
}

/** A resource's records for one initiative, oldest first, as `as` reads them over the API. */
export async function recordsOf(kit: GovernanceKit, resource: string, initiativeId: string, as: string, sortBy = 'createdAt'): Promise<any[]> {
  const query = `filter=${encodeURIComponent(JSON.stringify({ initiativeId }))}&sort=${encodeURIComponent(JSON.stringify([sortBy, 'ASC']))}`;
  return (await (await kit.as(as)).get(`/api/${resource}?${query}`)).body as any[];
}

export const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

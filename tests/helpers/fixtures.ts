// A small municipality for a test: people in every role with unique emails, a goal, a service.
import { randomUUID } from 'node:crypto';
import type { Models } from '../../store/models/index.js';
import { DEFAULT_CHECKLISTS } from '../../domain/checklists.js';
import { GATES, type Gate } from '../../domain/types.js';

export async function createMunicipality(models: Models) {
  const tag = randomUUID().slice(0, 8);
  const person = (name: string, roles: string[], extra: Record<string, unknown> = {}) =>
    models.Person.create({ name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${tag}@kommune.test`, roles, ...extra });

  const admin = await person('Ada Admin', ['admin']);
  const governance = await person('Gunn Styring', ['governance']);
  const ownerManager = await person('Mona Leder', ['service-owner']);
  const owner = await person('Tor Tjenesteeier', ['service-owner'], { managerId: String(ownerManager._id) });
  const englishOwner = await person('Emma Owner', ['service-owner'], { locale: 'en' });
  const projectManager = await person('Per Prosjektleder', ['project-manager']);
  const changeAgent = await person('Eva Endringsagent', ['change-agent']);
  const changeAgent2 = await person('Espen Endringsagent', ['change-agent'], { unit: 'Hjemmesykepleie' });
  const enthusiast = await person('Ine Ildsjel', ['enthusiast']);
  const goal = await models.Goal.create({ code: `G-${tag}`, title: 'Digitale tjenester som innbyggerne bruker', weight: 4 });
  const service = await models.Service.create({ name: `Hjemmetjenester ${tag}`, ownerId: String(owner._id) });
  const id = (doc: { _id: unknown }) => String(doc._id);
  return {
    tag,
    admin: id(admin),
    governance: id(governance),
    owner: id(owner),
    ownerManager: id(ownerManager),
    englishOwner: id(englishOwner),
    projectManager: id(projectManager),
    changeAgent: id(changeAgent),
    changeAgent2: id(changeAgent2),
    enthusiast: id(enthusiast),
    goal: id(goal),
    service: id(service),
    emailOf: async (personId: string) => (await models.Person.findById(personId).lean())!.email,
  };
}

export type Municipality = Awaited<ReturnType<typeof createMunicipality>>;

export async function createInitiativeDoc(models: Models, town: Municipality, overrides: Record<string, unknown> = {}) {
  const doc = await models.Initiative.create({
    title: `Digital søknad om trygghetsalarm ${town.tag}`,
    description: 'Innbyggere søker om trygghetsalarm på nett.',
    kind: 'project',
    serviceId: town.service,
    projectManagerId: town.projectManager,
    serviceOwnerId: town.owner,
    governanceId: town.governance,
    goalLinks: [{ goalId: town.goal, contribution: 3, rationale: 'Gjør søknaden digital' }],
    goalIds: [town.goal],
    changeAgentIds: [town.changeAgent],
    enthusiastIds: [town.enthusiast],
    priorityScore: 12,
    ...overrides,
  });
  return String(doc._id);
}

export async function addBenefit(models: Models, initiativeId: string, ownerId: string, overrides: Record<string, unknown> = {}) {
  const doc = await models.Benefit.create({
    initiativeId,
    title: 'Færre manuelle søknader',
    category: 'efficiency',
    indicator: 'Andel digitale søknader',
    unit: '%',
    dataSource: 'Fagsystem',
    baseline: 10,
    baselineDate: new Date('2026-01-01'),
    target: 80,
    direction: 'increase',
    measureEvery: 'PT2S',
    followUpUntil: new Date(Date.now() + 60_000),
    ownerId,
    ...overrides,
  });
  await models.Initiative.updateOne({ _id: initiativeId }, { $addToSet: { benefitIds: String(doc._id) } });
  return String(doc._id);
}

/** Short `elapsed` policies so the ladder fires within a test. */
export async function setPolicy(models: Models, gate: Gate, values: Record<string, unknown>) {
  await models.Policy.updateOne(
    { _id: gate },
    { $set: { remindAfter: 'PT1H', escalateAfter: 'PT2H', stalledAfter: 'PT3H', calendar: 'elapsed', reportEvery: null, ...values } },
    { upsert: true },
  );
}

/**
 * Long `elapsed` ladders, checklists without mandatory items and benefits realised on their first
 * measurement at the target: for tests about something else than those rules.
 */
export async function calmPolicies(models: Models) {
  for (const gate of GATES) {
    const values = gate === 'implementation' ? { reportEvery: 'PT1H' } : gate === 'benefit-realisation' ? { sustainedMeasurements: 1 } : {};
    await setPolicy(models, gate, values);
    await models.Checklist.updateOne({ _id: gate }, { $set: { items: DEFAULT_CHECKLISTS[gate].map((item) => ({ ...item, mandatory: false })) } }, { upsert: true });
  }
}

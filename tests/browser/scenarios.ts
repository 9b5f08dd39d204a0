// Initiatives in the states the browser tests need, driven over the real workflow like the API
// tests do: stalled at goal alignment, waiting for the owner, or in benefit follow-up.
import { randomUUID } from 'node:crypto';
import type { TestService } from '../helpers/app.js';
import { eventually } from '../helpers/browser.js';
import { addBenefit, calmPolicies, createInitiativeDoc, setPolicy } from '../helpers/fixtures.js';
import { actionLinkIn } from '../helpers/mailbox.js';
import type { Gate } from '../../domain/types.js';

export interface Arranged {
  id: string;
  title: string;
}

const uniqueTitle = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

async function started(service: TestService, what: string, initiative: Record<string, unknown> = {}): Promise<Arranged> {
  const { models } = service.engine.db;
  const title = uniqueTitle(what);
  const id = await createInitiativeDoc(models, service.town, { title, ...initiative });
  await addBenefit(models, id, service.town.owner, { followUpUntil: new Date(Date.now() + 365 * 86_400_000), measureEvery: 'P30D' });
  await service.context.workflows.start(id, 'project');
  await eventually(`${title} to enter goal alignment`, () => models.Audit.exists({ initiativeId: id, action: 'gate.entered' }));
  return { id, title };
}

/** Running at goal alignment with the calm policies of the test file; `initiative` overrides its fields. */
export const atGoalAlignment = (service: TestService, what = 'Digital byggesøknad', initiative: Record<string, unknown> = {}): Promise<Arranged> =>
  started(service, what, initiative);

/**
 * Stalled at goal alignment: a one-second ladder (remind, escalate, stall) for this initiative
 * only; the calm policies are back as soon as it has entered the gate, since the ladder is fixed
 * on entry.
 */
export async function stalledAtGoalAlignment(service: TestService, what = 'Stanset innsynsløsning'): Promise<Arranged> {
  const { models } = service.engine.db;
  await setPolicy(models, 'goal-alignment', { remindAfter: 'PT1S', escalateAfter: 'PT2S', stalledAfter: 'PT3S' });
  let arranged: Arranged;
  try {
    arranged = await started(service, what);
  } finally {
    await calmPolicies(models);
  }
  await eventually(`${arranged.title} to be stalled in the read model`, async () => (await models.Initiative.findById(arranged.id).lean())?.stalled);
  return arranged;
}

const approve = (service: TestService, id: string, gate: Gate, actorId: string, step?: 'decision' | 'confirmation') =>
  service.context.workflows.decide(id, { gate, step, decision: 'approve', comment: '', actorId, channel: 'api' });

/** Through the first three gates; the benefit's cadence decides when measurement requests go out. */
export async function inBenefitRealisation(
  service: TestService,
  what: string,
  benefit: Record<string, unknown> = {},
): Promise<Arranged & { benefitId: string }> {
  const { models } = service.engine.db;
  const { town } = service;
  const title = uniqueTitle(what);
  const id = await createInitiativeDoc(models, town, { title });
  const benefitId = await addBenefit(models, id, town.owner, {
    followUpUntil: new Date(Date.now() + 365 * 86_400_000),
    measureEvery: 'P30D',
    ...benefit,
  });
  await service.context.workflows.start(id, 'project');
  await approve(service, id, 'goal-alignment', town.governance);
  await approve(service, id, 'owner-signoff', town.owner);
  await approve(service, id, 'implementation', town.projectManager);
  await approve(service, id, 'implementation', town.owner, 'confirmation');
  await eventually(`${title} to reach benefit realisation`, async () => {
    const initiative = await models.Initiative.findById(id).lean();
    return initiative?.gate === 'benefit-realisation' && initiative.status === 'active';
  });
  return { id, title, benefitId };
}

/** Waiting at owner sign-off; returns the path of the owner's emailed decision link. */
export async function awaitingOwnerSignoff(service: TestService, what = 'Digital startlån'): Promise<Arranged & { link: string }> {
  const { town } = service;
  const arranged = await started(service, what);
  await approve(service, arranged.id, 'goal-alignment', town.governance);
  const [email] = await service.engine.mailbox.waitFor(
    await town.emailOf(town.owner),
    (e) => e.initiativeId === arranged.id && e.kind === 'approval-request',
  );
  return { ...arranged, link: new URL(actionLinkIn(email)).pathname };
}

/** In benefit follow-up with a measurement request out to the benefit owner; returns its link. */
export async function awaitingMeasurement(service: TestService, what = 'Digitalt vannmålerkort'): Promise<Arranged & { link: string }> {
  const { town } = service;
  const arranged = await inBenefitRealisation(service, what, { measureEvery: 'PT1S' });
  const [email] = await service.engine.mailbox.waitFor(
    await town.emailOf(town.owner),
    (e) => e.initiativeId === arranged.id && e.kind === 'measurement-request',
  );
  return { ...arranged, link: new URL(actionLinkIn(email)).pathname };
}

// One initiative through all four gates, as people do it: the project manager and governance
// role over the API, the service owner through the links in the emails Mailpit caught; and the
// same walk on the baseline workflow straight through Temporal, its owner also waiting for the
// baseline's emails in Mailpit. Every decision is tracked to the end, so one that did not
// finish by the round's cap is reported by kind and counted at the cap, never left out.
import type { Client } from '@temporalio/client';
import { ObjectId, type Db } from 'mongodb';
import { workflowIdFor } from '../../workflows/definitions.js';
import { bareDecideUpdate, bareMeasurementUpdate } from '../bare-definitions.js';
import { expectStatus, httpClient, type Answers, type HttpClient } from '../http.js';
import type { Mailbox } from '../mailbox.js';
import { sleep } from '../stats.js';
import type { Town } from './town.js';

export const DECISIONS = ['goal-alignment', 'owner-signoff', 'implementation', 'confirmation'] as const;
export type DecisionName = (typeof DECISIONS)[number];

export interface DecisionSlot {
  name: DecisionName;
  channel: 'api' | 'email-link' | 'bare-update';
  /** not-reached: the initiative never got to this decision; posted: sent, not yet shown by the read model (or the update not returned). */
  state: 'not-reached' | 'posted' | 'applied' | 'failed';
  ms: number | null;
  error?: string;
}

/** One initiative (or baseline workflow) of a round: where it got to. */
export interface Walk {
  decisions: DecisionSlot[];
  /** The last thing it was doing (for "stuck at"). */
  stage: string;
  completed: boolean;
  completedAtMs: number | null;
  error: string | null;
}

export const newWalk = (channels: DecisionSlot['channel'][]): Walk => ({
  decisions: DECISIONS.map((name, i) => ({ name, channel: channels[i], state: 'not-reached', ms: null })),
  stage: 'not started',
  completed: false,
  completedAtMs: null,
  error: null,
});

export interface Round {
  startedAt: number;
  /** Set at the cap: drivers stop at their next step; their walks keep what they had reached. */
  abandoned: boolean;
}

export interface DriveContext {
  baseUrl: string;
  db: Db;
  temporal: Client;
  mailbox: Mailbox;
  town: Town;
  answers: Answers;
  emailTimeoutMs: number;
}

export class Abandoned extends Error {}

const checkpoint = (round: Round) => {
  if (round.abandoned) throw new Abandoned('the round ran out of time');
};

type ReadModel = { gate: string; gateStep: string; status: string };
const shows = (doc: ReadModel | null | undefined, gate: string, step = 'decision') => Boolean(doc && doc.gate === gate && doc.gateStep === step);

/** Polls the read model until it shows `gate`/`step` (or the round is abandoned); answers when it first did. */
async function readModelShows(ctx: DriveContext, round: Round, id: string, gate: string, step = 'decision'): Promise<number> {
  for (;;) {
    const doc = await ctx.db.collection<ReadModel>('initiatives').findOne({ _id: new ObjectId(id) as never }, { projection: { gate: 1, gateStep: 1, status: 1 } });
    if (shows(doc, gate, step)) return performance.now();
    checkpoint(round);
    await sleep(20);
  }
}

async function decide(slot: DecisionSlot, round: Round, post: () => Promise<{ status: number; body: unknown; text: string }>, applied: (answer: { status: number; body: unknown }) => Promise<number>, what: string) {
  const started = performance.now();
  slot.state = 'posted';
  const answer = await post();
  // A 503 ("try again shortly") may still have been applied: the read model tells. Counted in Answers either way.
  if (answer.status !== 503) expectStatus(answer as never, 200, what);
  const ended = await applied(answer);
  slot.state = 'applied';
  slot.ms = ended - started;
}

/** Each owner clicks from an address of their own, as real recipients do (the link pages are rate limited per address). */
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

export async function driveInitiative(ctx: DriveContext, round: Round, walk: Walk, i: number): Promise<void> {
  const { town } = ctx;
  const pm = town.managers[i % town.managers.length];
  const governance = town.governance[i % town.governance.length];
  const owner = town.owners[i];
  const ownerBrowser = httpClient(ctx.baseUrl, { forwardedFor: addressOf(i), answers: ctx.answers });
  const [d0, d1, d2, d3] = walk.decisions;

  walk.stage = 'registering';
  const created = await pm.client.request('POST', '/api/initiatives', {
    title: `Digital selvbetjening ${i}`,
    description: 'Ytelsesmåling',
    kind: 'project',
    serviceId: owner.serviceId,
    projectManagerId: pm.id,
    serviceOwnerId: owner.id,
    governanceId: governance.id,
    goalLinks: [{ goalId: town.goals[i % town.goals.length], contribution: 2, rationale: 'Gjør tjenesten digital' }],
    changeAgentIds: [town.changeAgent],
    enthusiastIds: [town.enthusiast],
  });
  expectStatus(created, 201, 'create initiative');
  const id = String(created.body.id);
  const now = Date.now();
  const benefit = await pm.client.request('POST', '/api/benefits', {
    initiativeId: id, title: 'Færre manuelle søknader', category: 'efficiency', indicator: 'Andel digitale søknader', unit: '%',
    baseline: 10, baselineDate: new Date(now - 86_400_000).toISOString(), target: 80, direction: 'increase',
    measureEvery: 'P30D', followUpUntil: new Date(now + 3_600_000).toISOString(),
  });
  expectStatus(benefit, 201, 'create benefit');
  checkpoint(round);

  const api = (slot: DecisionSlot, client: HttpClient, gate: string, expect: { gate: string; step?: string }) =>
    decide(slot, round,
      () => client.request('POST', `/api/initiatives/${id}/decisions`, { gate, decision: 'approve', comment: 'Godkjent (bench)' }),
      async (answer) => (answer.status === 200 && shows(answer.body as ReadModel, expect.gate, expect.step) ? performance.now() : readModelShows(ctx, round, id, expect.gate, expect.step)),
      `decision ${gate}`);
  const link = async (slot: DecisionSlot, subject: string, expect: { gate: string; step?: string }) => {
    walk.stage = `waiting for the "${subject}" email`;
    const url = new URL(await ctx.mailbox.waitForLink(owner.email, subject, ctx.emailTimeoutMs));
    checkpoint(round);
    expectStatus(await ownerBrowser.request('GET', url.pathname), 200, `GET ${subject} link`);
    await decide(slot, round, () => ownerBrowser.form(url.pathname, { decision: 'approve', comment: '' }), () => readModelShows(ctx, round, id, expect.gate, expect.step), `POST ${subject} link`);
  };

  walk.stage = 'goal-alignment decision';
  await api(d0, governance.client, 'goal-alignment', { gate: 'owner-signoff' });
  await link(d1, 'Godkjenning trengs:', { gate: 'implementation' });
  walk.stage = 'implementation decision';
  await api(d2, pm.client, 'implementation', { gate: 'implementation', step: 'confirmation' });
  await link(d3, 'Bekreft at', { gate: 'benefit-realisation' });
  // The benefit is reported as realised right away, so follow-up closes and the fourth gate completes.
  walk.stage = 'reporting the measurement';
  const measured = await pm.client.request('POST', '/api/measurements', { benefitId: String(benefit.body.id), value: 80, measuredAt: new Date().toISOString(), note: '' });
  expectStatus(measured, 201, 'report measurement');
  walk.stage = 'waiting for the workflow to complete';
  await ctx.temporal.workflow.getHandle(workflowIdFor(id)).result();
  walk.completed = true;
  walk.completedAtMs = performance.now() - round.startedAt;
  walk.stage = 'completed';
}

export interface BareTown {
  db: Db;
  tag: string;
  governanceId: string;
  managerId: string;
  enthusiastId: string;
}

/** The baseline's people (shared) and policies in its own database. */
export async function buildBareTown(db: Db, tag: string): Promise<BareTown> {
  const person = (name: string) => ({ _id: `${name}-${tag}`, name, email: `${name}.${tag}@bare.bench.test` });
  const [governance, manager, enthusiast] = [person('styring'), person('prosjektleder'), person('ildsjel')];
  await db.collection<{ _id: string }>('people').insertMany([governance, manager, enthusiast]);
  for (let k = 0; k < 5; k++) await db.collection<{ _id: string }>('policies').updateOne({ _id: `step-${k}` }, { $set: { remindAfter: 'PT1H' } }, { upsert: true });
  return { db, tag, governanceId: governance._id, managerId: manager._id, enthusiastId: enthusiast._id };
}

export const bareOwnerEmail = (tag: string, i: number) => `eier.${i}.${tag}@bare.bench.test`;

export async function driveBare(ctx: { temporal: Client; mailbox: Mailbox; emailTimeoutMs: number }, bare: BareTown, taskQueue: string, round: Round, walk: Walk, i: number): Promise<void> {
  const id = `bare-${bare.tag}-${i}`;
  walk.stage = 'registering';
  // What the API writes when an initiative and its benefit are registered: two documents and the owner.
  const ownerEmail = bareOwnerEmail(bare.tag, i);
  await bare.db.collection<{ _id: string }>('people').insertOne({ _id: `eier-${id}`, name: `Eier ${i}`, email: ownerEmail } as never);
  await bare.db.collection<{ _id: string }>('initiatives').insertOne({ _id: id, title: `Digital selvbetjening ${i}`, ownerId: `eier-${id}`, managerId: bare.managerId, governanceId: bare.governanceId, enthusiastId: bare.enthusiastId, benefitId: `benefit-${id}` } as never);
  await bare.db.collection<{ _id: string }>('benefits').insertOne({ _id: `benefit-${id}`, initiativeId: id, baseline: 10, target: 80 } as never);
  const handle = await ctx.temporal.workflow.start('bareLifecycleWorkflow', { taskQueue, workflowId: id, args: [{ id }] });
  checkpoint(round);
  for (let k = 0; k < 4; k++) {
    const slot = walk.decisions[k];
    if (k === 1 || k === 3) {
      walk.stage = `waiting for the step ${k} email`;
      await ctx.mailbox.waitForLink(ownerEmail, k === 1 ? 'Godkjenning trengs:' : 'Bekreft at', ctx.emailTimeoutMs);
      checkpoint(round);
    }
    walk.stage = `${slot.name} update`;
    const started = performance.now();
    slot.state = 'posted';
    await handle.executeUpdate(bareDecideUpdate, { args: [{ step: k }] });
    slot.state = 'applied';
    slot.ms = performance.now() - started;
    checkpoint(round);
  }
  walk.stage = 'reporting the measurement';
  await handle.executeUpdate(bareMeasurementUpdate, { args: [] });
  walk.stage = 'waiting for the workflow to complete';
  await handle.result();
  walk.completed = true;
  walk.completedAtMs = performance.now() - round.startedAt;
  walk.stage = 'completed';
}

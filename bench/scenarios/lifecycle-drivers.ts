// One initiative through all four gates, as people do it: the project manager and governance
// role over the API, the service owner through the links in the emails Mailpit caught; and the
// same walk on the bare baseline workflow straight through Temporal.
import type { Client } from '@temporalio/client';
import { ObjectId, type Db } from 'mongodb';
import { workflowIdFor } from '../../workflows/definitions.js';
import { bareDecideUpdate, bareMeasurementUpdate } from '../bare-definitions.js';
import { expectStatus, httpClient, type HttpClient } from '../http.js';
import type { Mailbox } from '../mailbox.js';
import { sleep } from '../stats.js';
import type { Town } from './town.js';

export interface LatencySample {
  channel: 'api' | 'email-link' | 'bare-update';
  ms: number;
}

export interface DriveContext {
  baseUrl: string;
  /** Decisions answered 503 ("try again shortly") that the workflow applied all the same. */
  appliedDespite503: { count: number };
  db: Db;
  temporal: Client;
  mailbox: Mailbox;
  town: Town;
  emailTimeoutMs: number;
  samples: LatencySample[];
  progress: Progress;
}

/** Steps done (4 decisions, the measurement, completion: 6 per initiative) and whether the round's time is up. */
export interface Progress {
  /** Initiatives registered (ours) or workflows started (baseline). */
  started: number;
  steps: number;
  abandoned: boolean;
}

export const STEPS_PER_INITIATIVE = 6;

export class Abandoned extends Error {}

function step(progress: Progress): void {
  progress.steps += 1;
  if (progress.abandoned) throw new Abandoned('the round ran out of time');
}

type ReadModel = { gate: string; gateStep: string; status: string };
const shows = (doc: ReadModel | null | undefined, gate: string, step = 'decision') => Boolean(doc && doc.gate === gate && doc.gateStep === step);

/** Polls the read model until it shows `gate`/`step`; answers when it first did. */
async function readModelShows(ctx: DriveContext, id: string, gate: string, step = 'decision'): Promise<number> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const doc = await ctx.db.collection<ReadModel>('initiatives').findOne({ _id: new ObjectId(id) as never }, { projection: { gate: 1, gateStep: 1, status: 1 } });
    if (shows(doc, gate, step)) return performance.now();
    await sleep(20);
  }
  throw new Error(`the read model of ${id} did not show ${gate}/${step} within 120 s`);
}

async function decideOverApi(ctx: DriveContext, client: HttpClient, id: string, gate: string, expect: { gate: string; step?: string }) {
  const started = performance.now();
  const answer = await client.request('POST', `/api/initiatives/${id}/decisions`, { gate, decision: 'approve', comment: 'Godkjent (bench)' });
  // A 503 may still have been applied (the update was admitted before the deadline ran out): the read model tells.
  if (answer.status === 503) ctx.appliedDespite503.count += 1;
  else expectStatus(answer, 200, `decision ${gate}`);
  const ended = answer.status === 200 && shows(answer.body, expect.gate, expect.step) ? performance.now() : await readModelShows(ctx, id, expect.gate, expect.step);
  ctx.samples.push({ channel: 'api', ms: ended - started });
}

async function decideByEmailLink(ctx: DriveContext, owner: HttpClient, email: string, subject: string, id: string, expect: { gate: string; step?: string }) {
  const link = new URL(await ctx.mailbox.waitForLink(email, subject, ctx.emailTimeoutMs));
  expectStatus(await owner.request('GET', link.pathname), 200, `GET ${subject} link`);
  const started = performance.now();
  const answer = await owner.form(link.pathname, { decision: 'approve', comment: '' });
  if (answer.status === 503) ctx.appliedDespite503.count += 1;
  else expectStatus(answer, 200, `POST ${subject} link`);
  const ended = await readModelShows(ctx, id, expect.gate, expect.step);
  ctx.samples.push({ channel: 'email-link', ms: ended - started });
}

/** Each owner clicks from an address of their own, as real recipients do (the link pages are rate limited per address). */
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

export async function driveInitiative(ctx: DriveContext, i: number): Promise<void> {
  const { town } = ctx;
  const pm = town.managers[i % town.managers.length];
  const governance = town.governance[i % town.governance.length];
  const owner = town.owners[i];
  const ownerBrowser = httpClient(ctx.baseUrl, { forwardedFor: addressOf(i) });

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
  ctx.progress.started += 1;
  const id = String(created.body.id);
  const now = Date.now();
  const benefit = await pm.client.request('POST', '/api/benefits', {
    initiativeId: id, title: 'Færre manuelle søknader', category: 'efficiency', indicator: 'Andel digitale søknader', unit: '%',
    baseline: 10, baselineDate: new Date(now - 86_400_000).toISOString(), target: 80, direction: 'increase',
    measureEvery: 'P30D', followUpUntil: new Date(now + 3_600_000).toISOString(),
  });
  expectStatus(benefit, 201, 'create benefit');

  const { progress } = ctx;
  await decideOverApi(ctx, governance.client, id, 'goal-alignment', { gate: 'owner-signoff' });
  step(progress);
  await decideByEmailLink(ctx, ownerBrowser, owner.email, 'Godkjenning trengs:', id, { gate: 'implementation' });
  step(progress);
  await decideOverApi(ctx, pm.client, id, 'implementation', { gate: 'implementation', step: 'confirmation' });
  step(progress);
  await decideByEmailLink(ctx, ownerBrowser, owner.email, 'Bekreft at', id, { gate: 'benefit-realisation' });
  step(progress);
  // The benefit is reported as realised right away, so follow-up closes and the fourth gate completes.
  const measured = await pm.client.request('POST', '/api/measurements', { benefitId: String(benefit.body.id), value: 80, measuredAt: new Date().toISOString(), note: '' });
  expectStatus(measured, 201, 'report measurement');
  step(progress);
  await ctx.temporal.workflow.getHandle(workflowIdFor(id)).result();
  step(progress);
}

export async function driveBare(temporal: Client, taskQueue: string, workflowId: string, samples: LatencySample[], progress: Progress): Promise<void> {
  const handle = await temporal.workflow.start('bareLifecycleWorkflow', { taskQueue, workflowId, args: [{ id: workflowId }] });
  progress.started += 1;
  for (let k = 0; k < 4; k++) {
    const started = performance.now();
    await handle.executeUpdate(bareDecideUpdate, { args: [{ step: k }] });
    samples.push({ channel: 'bare-update', ms: performance.now() - started });
    step(progress);
  }
  await handle.executeUpdate(bareMeasurementUpdate, { args: [] });
  step(progress);
  await handle.result();
  step(progress);
}

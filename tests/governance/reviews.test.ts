// Benefit realisation after go-live (issue 13.3 and 13.5): a benefit counts as realised only when
// the target holds for the policy's number of measurements in a row; governance reviews realisation
// on a cadence and continues, adjusts a target (a plan change for the service owner), or closes
// follow-up as realised or — with a reason — abandoned; a realised benefit's owner records how it
// was taken out (harvest).
import { describe, expect, it } from 'vitest';
import type { TestService } from '../helpers/app.js';
import { setPolicy } from '../helpers/fixtures.js';
import { governanceSuite, type Cast, type GovernanceKit } from '../helpers/governance.js';
import { openLink, postForm } from '../helpers/links.js';
import { sha256 } from '../../store/keys.js';

let service: TestService;
let kit: GovernanceKit;

/** The benefit-realisation policy the rules under test start from: their defaults, on wall time. */
const realisation = (values: Record<string, unknown> = {}) => setPolicy(kit.models(), 'benefit-realisation', { sustainedMeasurements: 2, reviewEvery: 'P6M', ...values });

governanceSuite((suite) => ({ service, kit } = suite), () => realisation());

const benefitsOf = async (initiativeId: string) => kit.models().Benefit.find({ initiativeId }).sort({ createdAt: 1 }).lean();

/** An initiative in benefit follow-up; its one benefit (10 → 80 %) is owned by the service owner unless told. */
async function followedUp(c: Cast, benefit: Record<string, unknown> = {}) {
  const id = await kit.start(c, {}, { benefit });
  await kit.driveTo(c, id, 'benefit-realisation');
  const [first] = await benefitsOf(id);
  return { id, benefitId: String(first._id) };
}

async function measure(personId: string, benefitId: string, value: number) {
  const answer = await (await kit.as(personId)).post('/api/measurements', { benefitId, value, measuredAt: new Date().toISOString(), note: '' });
  expect(answer.status).toBe(201);
}

/** An initiative in follow-up whose first review opens a few seconds in. */
async function underReview(c: Cast) {
  await realisation({ reviewEvery: 'PT1S' });
  let started: Awaited<ReturnType<typeof followedUp>>;
  try {
    started = await followedUp(c);
    // Back to the long cadence once the first review is planned: one review opens, not one every second.
    await kit.eventually(async () => (await service.context.workflows.state(started.id)).nextReviewAt, 'the first review to be planned');
  } finally {
    await realisation();
  }
  const link = await kit.link(c.governance, started.id, 'review-request');
  // The review this link answers (should a second one have opened meanwhile).
  const token = (await kit.models().ActionToken.findOne({ tokenHash: sha256(link.split('/').pop()!) }).lean())!;
  return { ...started, link, reviewId: String(token.subjectId) };
}

const cancel = (c: Cast, id: string) => service.context.workflows.admin(id, { action: 'cancel', reason: 'Testen er ferdig', actorId: c.admin, channel: 'api' }).catch(() => undefined);

describe('a benefit at its target', () => {
  it('is realised only on the second measurement in a row at the target, and a miss in between starts the count again', async () => {
    const c = await kit.cast();
    const { id, benefitId } = await followedUp(c);

    await measure(c.owner, benefitId, 80);
    const once = (await benefitsOf(id))[0];
    await measure(c.owner, benefitId, 70);
    await measure(c.owner, benefitId, 85);
    const afterMiss = (await benefitsOf(id))[0];
    await measure(c.owner, benefitId, 82);

    expect(once).toMatchObject({ realised: false, latestValue: 80 });
    expect(afterMiss).toMatchObject({ realised: false, latestValue: 85 });
    expect((await benefitsOf(id))[0]).toMatchObject({ realised: true, latestValue: 82 });
    const ended = await kit.eventually(async () => {
      const doc = await kit.readModel(id);
      return doc.status === 'completed' && doc;
    }, 'follow-up to end');
    expect(ended.benefitOutcome).toBe('realised');
  });

  it('needs as many measurements in a row as the policy says', async () => {
    const c = await kit.cast();
    const { id, benefitId } = await followedUp(c);
    const policy = await (await kit.as(c.admin)).put('/api/policies/benefit-realisation', { sustainedMeasurements: 3 });
    try {
      await measure(c.owner, benefitId, 80);
      await measure(c.owner, benefitId, 81);
      const twice = (await benefitsOf(id))[0];
      await measure(c.owner, benefitId, 82);

      expect(policy.status).toBe(200);
      expect(twice.realised).toBe(false);
      expect((await benefitsOf(id))[0].realised).toBe(true);
    } finally {
      await realisation();
    }
  });
});

describe('a benefit review', () => {
  it('is requested from governance on the policy\'s cadence, with a link showing how each benefit is doing', async () => {
    const c = await kit.cast();
    const { id, link, reviewId } = await underReview(c);

    const page = await openLink(service.baseUrl, link);
    const listed = await (await kit.as(c.governance)).get(`/api/reviews?filter=${encodeURIComponent(JSON.stringify({ initiativeId: id }))}`);

    expect(page.status).toBe(200);
    expect(page.text).toContain('Gevinstgjennomgang');
    expect(page.text).toContain('Færre manuelle søknader: 10 → 80 %');
    expect(listed.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: reviewId, initiativeId: id, status: 'open' })]));
    expect(await kit.audit(id, 'review.opened')).toEqual(expect.arrayContaining([expect.objectContaining({ details: { reviewId } })]));
    await cancel(c, id);
  });

  it('continues follow-up when governance says so; only governance decides, and only once', async () => {
    const c = await kit.cast();
    const { id, reviewId } = await underReview(c);

    const byPm = await (await kit.as(c.projectManager)).post(`/api/reviews/${reviewId}/decide`, { decision: 'continue', note: '' });
    const decided = await (await kit.as(c.governance)).post(`/api/reviews/${reviewId}/decide`, { decision: 'continue', note: 'God utvikling' });
    const again = await (await kit.as(c.governance)).post(`/api/reviews/${reviewId}/decide`, { decision: 'close-realised', note: '' });

    expect(byPm.status).toBe(403);
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'decided', decision: 'continue', note: 'God utvikling', byId: c.governance });
    expect(again.status).toBe(409);
    expect((await kit.readModel(id)).status).toBe('active');
    expect(await kit.audit(id, 'review.decided')).toEqual([expect.objectContaining({ actorId: c.governance, details: expect.objectContaining({ reviewId, decision: 'continue' }) })]);
    await cancel(c, id);
  });

  it('adjusts a target as a plan change the service owner accepts', async () => {
    const c = await kit.cast();
    const { id, benefitId, reviewId } = await underReview(c);
    const governance = await kit.as(c.governance);

    const untargeted = await governance.post(`/api/reviews/${reviewId}/decide`, { decision: 'adjust', note: 'Lavere mål', benefitId });
    const adjusted = await governance.post(`/api/reviews/${reviewId}/decide`, { decision: 'adjust', note: 'Målet var for høyt', benefitId, target: 60 });

    expect(untargeted.status).toBe(400);
    expect(adjusted.status).toBe(200);
    const [change] = await kit.models().PlanChange.find({ initiativeId: id }).lean();
    expect(change).toMatchObject({ benefitId, status: 'pending', changes: { target: 60 }, reason: 'Målet var for høyt' });
    expect((await benefitsOf(id))[0].target).toBe(80);
    const accepted = await postForm(service.baseUrl, await kit.link(c.owner, id, 'plan-change-request'), { decision: 'approve' });
    expect(accepted.status).toBe(200);
    expect((await benefitsOf(id))[0]).toMatchObject({ target: 60, version: 2 });
    await kit.record(id, 'governance-review-adjusted');
    await cancel(c, id);
  });

  it('closes follow-up as realised from the link', async () => {
    const c = await kit.cast();
    const { id, link, reviewId } = await underReview(c);

    const closed = await postForm(service.baseUrl, link, { decision: 'close-realised', note: 'Gevinsten er tatt ut' });

    expect(closed.status).toBe(200);
    const ended = await kit.eventually(async () => {
      const doc = await kit.readModel(id);
      return doc.status === 'completed' && doc;
    }, 'follow-up to end');
    expect(ended.benefitOutcome).toBe('realised');
    expect((await benefitsOf(id))[0].realised).toBe(true);
    expect(await kit.models().Review.findById(reviewId).lean()).toMatchObject({ status: 'decided', decision: 'close-realised', channel: 'email', byId: c.governance });
  });

  it('closes follow-up as abandoned only with a reason', async () => {
    const c = await kit.cast();
    const { id, link, reviewId } = await underReview(c);

    const byApi = await (await kit.as(c.governance)).post(`/api/reviews/${reviewId}/decide`, { decision: 'close-abandoned', note: '' });
    const byLink = await postForm(service.baseUrl, link, { decision: 'close-abandoned', note: ' ' });
    const explained = await postForm(service.baseUrl, link, { decision: 'close-abandoned', note: 'Tjenesten legges ned' });

    expect(byApi.status).toBe(400);
    expect(byApi.body.error.fields).toHaveProperty('note');
    expect(byLink.status).toBe(400);
    expect(byLink.text).toContain('Skriv hvorfor gevinstene ikke kan oppnås.');
    expect(explained.status).toBe(200);
    const ended = await kit.eventually(async () => {
      const doc = await kit.readModel(id);
      return doc.status === 'completed' && doc;
    }, 'follow-up to end');
    expect(ended.benefitOutcome).toBe('not-realised');
  });
});

describe('the harvest of a realised benefit', () => {
  it('is recorded by the benefit\'s owner once it is realised, shown on the benefit and audited', async () => {
    const c = await kit.cast();
    const id = await kit.start(c, {}, { benefit: { ownerId: c.ownerManager } });
    await (await kit.as(c.projectManager)).post('/api/benefits', kit.benefitBody(id, { title: 'Kortere ventetid', baseline: 20, target: 5, direction: 'decrease' }));
    await kit.driveTo(c, id, 'benefit-realisation');
    const [realised, other] = (await benefitsOf(id)).map((b) => String(b._id));
    const owner = await kit.as(c.ownerManager);

    const early = await owner.post(`/api/benefits/${realised}/harvest`, { how: 'capacity-redeployed', note: 'For tidlig' });
    await measure(c.ownerManager, realised, 80);
    await measure(c.ownerManager, realised, 81);
    const byPm = await (await kit.as(c.projectManager)).post(`/api/benefits/${realised}/harvest`, { how: 'budget-reduced', note: '' });
    const unrealised = await (await kit.as(c.owner)).post(`/api/benefits/${other}/harvest`, { how: 'quality', note: '' });
    const harvested = await owner.post(`/api/benefits/${realised}/harvest`, { how: 'capacity-redeployed', note: 'To årsverk flyttet til hjemmebesøk' });

    expect(early.status).toBe(409);
    expect(byPm.status).toBe(403);
    expect(unrealised.status).toBe(409);
    expect(harvested.status).toBe(200);
    expect(harvested.body.harvest).toMatchObject({ how: 'capacity-redeployed', note: 'To årsverk flyttet til hjemmebesøk', byId: c.ownerManager });
    expect((await (await kit.as(c.enthusiast)).get(`/api/benefits/${realised}`)).body.harvest.how).toBe('capacity-redeployed');
    expect(await kit.audit(id, 'benefit.harvested')).toEqual([expect.objectContaining({ actorId: c.ownerManager, details: expect.objectContaining({ benefitId: realised, how: 'capacity-redeployed' }) })]);
    await cancel(c, id);
  });

  it('is recorded and audited after follow-up has ended with the benefit realised', async () => {
    const c = await kit.cast();
    const { id, benefitId } = await followedUp(c);
    await measure(c.owner, benefitId, 80);
    await measure(c.owner, benefitId, 80);
    await kit.eventually(async () => (await kit.readModel(id)).status === 'completed', 'follow-up to end');

    const harvested = await (await kit.as(c.owner)).post(`/api/benefits/${benefitId}/harvest`, { how: 'budget-reduced', note: 'Budsjettet redusert med 400 000 kr' });

    expect(harvested.status).toBe(200);
    expect(harvested.body.harvest).toMatchObject({ how: 'budget-reduced', byId: c.owner });
    expect(await kit.audit(id, 'benefit.harvested')).toEqual([expect.objectContaining({ actorId: c.owner, details: expect.objectContaining({ benefitId, how: 'budget-reduced' }) })]);
  });
});

// Scoreboards for the console: benefits per service owner and per strategic goal.
import { Router } from 'express';
import { requireAuth } from '../auth/middleware.js';
import type { AppContext } from '../context.js';

interface Tally {
  benefits: number;
  realised: number;
  onTrack: number;
  watch: number;
  offTrack: number;
  overdue: number;
}

const emptyTally = (): Tally => ({ benefits: 0, realised: 0, onTrack: 0, watch: 0, offTrack: 0, overdue: 0 });

function count(tally: Tally, benefit: { realised?: boolean | null; band?: string | null; nextMeasurementDue?: Date | null }, now: number) {
  tally.benefits += 1;
  if (benefit.realised) tally.realised += 1;
  if (benefit.band === 'on-track') tally.onTrack += 1;
  if (benefit.band === 'watch') tally.watch += 1;
  if (benefit.band === 'off-track') tally.offTrack += 1;
  if (benefit.nextMeasurementDue && benefit.nextMeasurementDue.getTime() < now) tally.overdue += 1;
}

export function createReportsRouter({ db }: AppContext): Router {
  const { models } = db;
  const router = Router();
  router.use(requireAuth);

  router.get('/owners', async (_req, res) => {
    const now = Date.now();
    const benefits = await models.Benefit.find({}, { ownerId: 1, realised: 1, band: 1, nextMeasurementDue: 1 }).lean();
    const byOwner = new Map<string, Tally>();
    for (const b of benefits) {
      const tally = byOwner.get(b.ownerId) ?? emptyTally();
      count(tally, b, now);
      byOwner.set(b.ownerId, tally);
    }
    const people = await models.Person.find({ _id: { $in: [...byOwner.keys()] } }, { name: 1 }).lean();
    const names = new Map(people.map((p) => [String(p._id), p.name]));
    res.json([...byOwner].map(([ownerId, tally]) => ({ ownerId, ownerName: names.get(ownerId) ?? '–', ...tally })).sort((a, b) => a.ownerName.localeCompare(b.ownerName, 'nb')));
  });

  router.get('/goals', async (_req, res) => {
    const now = Date.now();
    const [goals, initiatives, benefits] = await Promise.all([
      models.Goal.find({}).sort({ code: 1 }).lean(),
      models.Initiative.find({ status: { $ne: 'cancelled' } }, { goalIds: 1 }).lean(),
      models.Benefit.find({}, { initiativeId: 1, realised: 1, band: 1, nextMeasurementDue: 1 }).lean(),
    ]);
    const benefitsByInitiative = new Map<string, typeof benefits>();
    for (const b of benefits) benefitsByInitiative.set(b.initiativeId, [...(benefitsByInitiative.get(b.initiativeId) ?? []), b]);
    res.json(
      goals.map((goal) => {
        const id = String(goal._id);
        const linked = initiatives.filter((i) => i.goalIds.includes(id));
        const tally = emptyTally();
        for (const initiative of linked) for (const b of benefitsByInitiative.get(String(initiative._id)) ?? []) count(tally, b, now);
        return { goalId: id, code: goal.code, title: goal.title, active: goal.active, initiatives: linked.length, ...tally };
      }),
    );
  });

  return router;
}

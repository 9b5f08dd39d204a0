// What a printable report shows, read in one query per collection: the initiatives, their
// benefits with measurements, reviews and decisions, and the people, services and goals they name.
// Reports only read: the workflow stays the one writer of initiatives and benefits.
import type { InferSchemaType, Types } from 'mongoose';
import type { Database } from '../../store/database.js';
import { loadPeople } from '../../store/lookups.js';
import type { benefitSchema, measurementSchema } from '../../store/models/benefits.js';
import type { initiativeSchema } from '../../store/models/portfolio.js';
import type { decisionSchema } from '../../store/models/records.js';

type Stored<S> = InferSchemaType<S> & { _id: Types.ObjectId };
interface Schemas {
  Benefit: typeof benefitSchema;
  Measurement: typeof measurementSchema;
  Initiative: typeof initiativeSchema;
  Decision: typeof decisionSchema;
}
type Lean<M extends keyof Schemas> = Stored<Schemas[M]>;

/** How a realised benefit is taken out (recorded by the owner; may be absent). */
export interface Harvest {
  how: string;
  note?: string | null;
  byId?: string | null;
  at?: Date | null;
}

/** A benefit review after closure; the `reviews` collection may not exist yet. */
export interface Review {
  initiativeId: string;
  dueAt?: Date | null;
  status?: string | null;
  decision?: string | null;
  note?: string | null;
  byId?: string | null;
  at?: Date | null;
}

export type ReportBenefit = Lean<'Benefit'> & { harvest?: Harvest | null; measurements: Lean<'Measurement'>[] };

export interface ReportInitiative {
  initiative: Lean<'Initiative'>;
  serviceName: string | null;
  goals: { code: string; title: string }[];
  benefits: ReportBenefit[];
  reviews: Review[];
  decisions: Lean<'Decision'>[];
}

export interface ReportData {
  initiatives: ReportInitiative[];
  personName: (id: string | null | undefined) => string;
}

const byTime = <T>(field: (item: T) => Date | null | undefined) => (a: T, b: T) => (field(a)?.getTime() ?? 0) - (field(b)?.getTime() ?? 0);

async function assemble(db: Database, initiativeIds: string[], benefits: Lean<'Benefit'>[]): Promise<ReportData> {
  const { models } = db;
  const benefitIds = benefits.map((b) => String(b._id));
  const [initiatives, measurements, decisions, reviews] = await Promise.all([
    models.Initiative.find({ _id: { $in: initiativeIds } }).sort({ title: 1 }).lean(),
    benefitIds.length ? models.Measurement.find({ benefitId: { $in: benefitIds } }).sort({ measuredAt: 1 }).lean() : [],
    models.Decision.find({ initiativeId: { $in: initiativeIds } }).sort({ at: 1 }).lean(),
    db.connection.collection<Review>('reviews').find({ initiativeId: { $in: initiativeIds } }).toArray(),
  ]);
  const [services, goals] = await Promise.all([
    models.Service.find({ _id: { $in: [...new Set(initiatives.map((i) => i.serviceId))] } }, { name: 1 }).lean(),
    models.Goal.find({ _id: { $in: [...new Set(initiatives.flatMap((i) => i.goalIds))] } }, { code: 1, title: 1 }).lean(),
  ]);
  const withHarvest = benefits as (Lean<'Benefit'> & { harvest?: Harvest | null })[];
  const people = await loadPeople(models, [
    ...initiatives.flatMap((i) => [i.serviceOwnerId, i.projectManagerId, i.governanceId]),
    ...withHarvest.flatMap((b) => [b.ownerId, b.harvest?.byId]),
    ...decisions.map((d) => d.byId),
    ...reviews.map((r) => r.byId),
  ]);
  const group = <T, K>(items: T[], key: (item: T) => K) => {
    const map = new Map<K, T[]>();
    for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
    return map;
  };
  const measurementsOf = group(measurements, (m) => m.benefitId);
  const benefitsOf = group(withHarvest, (b) => b.initiativeId);
  const decisionsOf = group(decisions, (d) => d.initiativeId);
  const reviewsOf = group(reviews, (r) => String(r.initiativeId));
  const serviceNames = new Map(services.map((s) => [String(s._id), s.name]));
  const goalById = new Map(goals.map((g) => [String(g._id), g]));

  return {
    initiatives: initiatives.map((initiative) => {
      const id = String(initiative._id);
      return {
        initiative,
        serviceName: serviceNames.get(initiative.serviceId) ?? null,
        goals: initiative.goalIds.flatMap((goalId) => goalById.get(goalId) ?? []).map((g) => ({ code: g.code, title: g.title })),
        benefits: (benefitsOf.get(id) ?? []).map((b) => ({ ...b, measurements: measurementsOf.get(String(b._id)) ?? [] })),
        reviews: (reviewsOf.get(id) ?? []).sort(byTime((r) => r.dueAt ?? r.at)),
        decisions: decisionsOf.get(id) ?? [],
      };
    }),
    personName: (id) => (id && people.get(id)?.name) || '–',
  };
}

/** One initiative and all its benefits; null when there is no such initiative. */
export async function loadInitiativeReport(db: Database, initiativeId: string): Promise<ReportData | null> {
  if (!(await db.models.Initiative.exists({ _id: initiativeId }))) return null;
  const benefits = await db.models.Benefit.find({ initiativeId }).sort({ createdAt: 1 }).lean();
  return assemble(db, [initiativeId], benefits);
}

/** The benefits a person owns (the scoreboard's row for them), grouped by initiative. */
export async function loadOwnerReport(db: Database, personId: string): Promise<ReportData> {
  const benefits = await db.models.Benefit.find({ ownerId: personId }).sort({ createdAt: 1 }).lean();
  return assemble(db, [...new Set(benefits.map((b) => b.initiativeId))], benefits);
}

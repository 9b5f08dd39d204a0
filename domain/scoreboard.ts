// The arithmetic of the benefit scoreboards (per service owner, per goal) and of the printable
// reports: how many benefits, in which band, and what they are worth in NOK a year.
import { realisedValuePerYear } from './benefits.js';
import type { GoalTree } from './goals.js';
import { GATES, type Band, type Gate } from './types.js';

export interface BenefitFigures {
  realised?: boolean | null;
  band?: Band | string | null;
  nextMeasurementDue?: Date | string | null;
  valuePerYear?: number | null;
  achievement?: number | null;
  realisedValuePerYear?: number | null;
}

export interface Tally {
  benefits: number;
  realised: number;
  onTrack: number;
  watch: number;
  offTrack: number;
  /** Not measured yet: no band. */
  notMeasured: number;
  overdue: number;
  /** Benefits with a value in NOK. */
  valued: number;
  plannedValuePerYear: number;
  realisedValuePerYear: number;
}

export const emptyTally = (): Tally => ({
  benefits: 0,
  realised: 0,
  onTrack: 0,
  watch: 0,
  offTrack: 0,
  notMeasured: 0,
  overdue: 0,
  valued: 0,
  plannedValuePerYear: 0,
  realisedValuePerYear: 0,
});

/**
 * What a benefit has realised a year in NOK: the read model the workflow keeps, or — for a
 * benefit whose read model predates the field or whose value was set after its last
 * measurement — the same rule applied to its achievement.
 */
export const realisedValueOf = (benefit: BenefitFigures): number | null =>
  benefit.realisedValuePerYear ?? realisedValuePerYear(benefit.valuePerYear, benefit.achievement);

const BAND_FIELDS: Record<Band, 'onTrack' | 'watch' | 'offTrack'> = { 'on-track': 'onTrack', watch: 'watch', 'off-track': 'offTrack' };

export function addBenefit(tally: Tally, benefit: BenefitFigures, now: number): Tally {
  tally.benefits += 1;
  if (benefit.realised) tally.realised += 1;
  const band = BAND_FIELDS[benefit.band as Band];
  if (band) tally[band] += 1;
  else tally.notMeasured += 1;
  if (benefit.nextMeasurementDue && new Date(benefit.nextMeasurementDue).getTime() < now) tally.overdue += 1;
  if (benefit.valuePerYear != null) {
    tally.valued += 1;
    tally.plannedValuePerYear += benefit.valuePerYear;
    tally.realisedValuePerYear += realisedValueOf(benefit) ?? 0;
  }
  return tally;
}

export const tallyOf = (benefits: Iterable<BenefitFigures>, now: number): Tally => {
  const tally = emptyTally();
  for (const benefit of benefits) addBenefit(tally, benefit, now);
  return tally;
};

export type GateCounts = Record<Gate, number>;

/** Active initiatives by the gate they wait at; finished ones are counted as `completed`. */
export function gateCounts(initiatives: Iterable<{ gate?: string | null; status?: string | null }>): { byGate: GateCounts; completed: number } {
  const byGate = Object.fromEntries(GATES.map((gate) => [gate, 0])) as GateCounts;
  let completed = 0;
  for (const initiative of initiatives) {
    if (initiative.status === 'completed') completed += 1;
    else if (initiative.status === 'active' && initiative.gate && initiative.gate in byGate) byGate[initiative.gate as Gate] += 1;
  }
  return { byGate, completed };
}

/** Share realised of the planned NOK a year (0–1), or null when nothing is valued. */
export const valueShare = (tally: Pick<Tally, 'plannedValuePerYear' | 'realisedValuePerYear'>): number | null =>
  tally.plannedValuePerYear > 0 ? tally.realisedValuePerYear / tally.plannedValuePerYear : null;

/** A row of `GET /api/reports/owners`: the benefits a person owns. */
export interface OwnerScore extends Tally {
  ownerId: string;
  ownerName: string;
}

/** A goal of `GET /api/reports/goals`, with figures for it and every goal below it. */
export interface GoalFigures extends Tally {
  goalId: string;
  code: string;
  title: string;
  active: boolean;
  plan: string;
  periodFrom: number | null;
  periodTo: number | null;
  parentId: string | null;
  ownerId: string | null;
  ownerName: string | null;
  /** Initiatives (not cancelled) serving the goal or a goal below it, each once. */
  initiatives: number;
  byGate: GateCounts;
  completed: number;
}

export type GoalScore = GoalTree<GoalFigures>;

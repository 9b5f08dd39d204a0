// Benefit arithmetic, shared by the API and the activities: achievement against the straight
// line from the baseline at go-live to the target at followUpUntil.
import { FOLLOW_UP_YEARS } from './bounds.js';
import type { Band, BenefitOutcome, Direction } from './types.js';

export interface BenefitPlan {
  baseline: number;
  target: number;
  direction: Direction;
  followUpStartedAt: Date | null;
  baselineDate: Date;
  followUpUntil: Date;
}

export interface BenefitStatus {
  latestValue: number | null;
  achievement: number | null;
  band: Band | null;
  onTrack: boolean | null;
  realised: boolean;
}

/** (latest − baseline) / (target − baseline): 0 at the baseline, 1 at the target, in either direction. */
export function achievementOf(plan: BenefitPlan, value: number): number {
  return (value - plan.baseline) / (plan.target - plan.baseline);
}

/** Where the straight line says achievement should be at `at` (0 before go-live, 1 at followUpUntil). */
export function expectedAchievement(plan: BenefitPlan, at: Date): number {
  const start = (plan.followUpStartedAt ?? plan.baselineDate).getTime();
  const end = plan.followUpUntil.getTime();
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (at.getTime() - start) / (end - start)));
}

export function targetMet(plan: BenefitPlan, value: number): boolean {
  return plan.direction === 'increase' ? value >= plan.target : value <= plan.target;
}

/**
 * On track at or ahead of the line; `watch` when behind by less than `tolerance` (a fraction of
 * achievement, 0.1 = 10 percentage points); `off-track` further behind.
 */
export function benefitStatus(plan: BenefitPlan, latest: { value: number; measuredAt: Date } | null, tolerance: number): BenefitStatus {
  if (!latest) return { latestValue: null, achievement: null, band: null, onTrack: null, realised: false };
  const achievement = achievementOf(plan, latest.value);
  const realised = targetMet(plan, latest.value);
  const behind = expectedAchievement(plan, latest.measuredAt) - achievement;
  const band: Band = realised || behind <= 1e-9 ? 'on-track' : behind < tolerance ? 'watch' : 'off-track';
  return { latestValue: latest.value, achievement, band, onTrack: band !== 'off-track', realised };
}

/** How many of the latest values (newest first) have met the target in a row. */
export function sustainedStreak(plan: Pick<BenefitPlan, 'target' | 'direction'>, newestFirst: readonly number[]): number {
  const broken = newestFirst.findIndex((value) => !targetMet(plan as BenefitPlan, value));
  return broken === -1 ? newestFirst.length : broken;
}

/** The final evaluation of a benefit-realisation gate. */
export function outcomeOf(realisedFlags: boolean[]): BenefitOutcome {
  const realised = realisedFlags.filter(Boolean).length;
  if (realised === realisedFlags.length && realised > 0) return 'realised';
  return realised === 0 ? 'not-realised' : 'partly';
}

/** Field errors of a benefit plan whose numbers and dates contradict each other. */
export function planProblems(b: { baseline: number; target: number; direction: string; baselineDate: Date; followUpUntil: Date }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (b.target === b.baseline) problems.target = 'must differ from the baseline';
  else if ((b.direction === 'increase') !== b.target > b.baseline) problems.direction = `the target is ${b.target > b.baseline ? 'above' : 'below'} the baseline`;
  if (b.followUpUntil.getTime() <= b.baselineDate.getTime()) problems.followUpUntil = 'must be after the baseline date';
  else if (b.followUpUntil.getTime() - b.baselineDate.getTime() > FOLLOW_UP_YEARS * 366 * 86_400_000) {
    problems.followUpUntil = `must be within ${FOLLOW_UP_YEARS} years of the baseline date`;
  }
  return problems;
}

/**
 * Realised value follows achievement: the share of the target reached, valued at the benefit's
 * yearly value in NOK — never more than the whole value, never less than nothing.
 */
export function realisedValuePerYear(valuePerYear: number | null | undefined, achievement: number | null | undefined): number | null {
  if (valuePerYear === null || valuePerYear === undefined) return null;
  if (achievement === null || achievement === undefined) return 0;
  return Math.round(valuePerYear * Math.min(1, Math.max(0, achievement)));
}

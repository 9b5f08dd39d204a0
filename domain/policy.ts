// Escalation policies: the defaults used until an administrator changes them, and how a stored
// policy (which may lack newer fields) combines with them.
import { approximateSeconds } from './calendar.js';
import type { CalendarMode, Gate } from './types.js';

export interface PolicyValues {
  remindAfter: string;
  escalateAfter: string;
  stalledAfter: string;
  calendar: CalendarMode;
  reportEvery: string | null;
  offTrackTolerance: number;
  /** Benefit realisation: how often governance reviews the benefits (working-days aware). */
  reviewEvery: string;
  /** Benefit realisation: consecutive measurements at the target that make a benefit realised. */
  sustainedMeasurements: number;
}

const BENEFIT_REVIEW = { reviewEvery: 'P6M', sustainedMeasurements: 2 };

export const DEFAULT_POLICIES: Record<Gate, PolicyValues> = {
  'goal-alignment': { remindAfter: 'P5D', escalateAfter: 'P10D', stalledAfter: 'P15D', calendar: 'working-days', reportEvery: null, offTrackTolerance: 0.1, ...BENEFIT_REVIEW },
  'owner-signoff': { remindAfter: 'P3D', escalateAfter: 'P6D', stalledAfter: 'P10D', calendar: 'working-days', reportEvery: null, offTrackTolerance: 0.1, ...BENEFIT_REVIEW },
  implementation: { remindAfter: 'P3D', escalateAfter: 'P6D', stalledAfter: 'P10D', calendar: 'working-days', reportEvery: 'P10D', offTrackTolerance: 0.1, ...BENEFIT_REVIEW },
  'benefit-realisation': { remindAfter: 'P5D', escalateAfter: 'P10D', stalledAfter: 'P20D', calendar: 'working-days', reportEvery: null, offTrackTolerance: 0.1, ...BENEFIT_REVIEW },
};

/** The policy in force for a gate: the stored values over the defaults (a stored null means "unset"). */
export function effectivePolicy(gate: Gate, stored: Partial<Record<keyof PolicyValues, unknown>> | null | undefined): PolicyValues {
  const defined = Object.fromEntries(
    Object.entries(stored ?? {}).filter(([key, value]) => key in DEFAULT_POLICIES[gate] && value !== null && value !== undefined),
  );
  return { ...DEFAULT_POLICIES[gate], ...defined } as PolicyValues;
}

/** Field errors when the ladder's steps come out of order. */
export function ladderOrderProblems(policy: Pick<PolicyValues, 'remindAfter' | 'escalateAfter' | 'stalledAfter'>): Record<string, string> {
  const [remind, escalate, stalled] = [policy.remindAfter, policy.escalateAfter, policy.stalledAfter].map(approximateSeconds);
  if (escalate < remind) return { escalateAfter: 'must not come before remindAfter' };
  if (stalled < escalate) return { stalledAfter: 'must not come before escalateAfter' };
  return {};
}

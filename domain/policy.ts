// Escalation policies: the defaults used until an administrator changes them, and how a stored
// policy (which may lack newer fields) combines with them.
import { parseDuration } from './calendar.js';
import type { CalendarMode, Gate } from './types.js';

export interface PolicyValues {
  remindAfter: string;
  escalateAfter: string;
  stalledAfter: string;
  calendar: CalendarMode;
  reportEvery: string | null;
  offTrackTolerance: number;
}

export const DEFAULT_POLICIES: Record<Gate, PolicyValues> = {
  'goal-alignment': { remindAfter: 'P5D', escalateAfter: 'P10D', stalledAfter: 'P15D', calendar: 'working-days', reportEvery: null, offTrackTolerance: 0.1 },
  'owner-signoff': { remindAfter: 'P3D', escalateAfter: 'P6D', stalledAfter: 'P10D', calendar: 'working-days', reportEvery: null, offTrackTolerance: 0.1 },
  implementation: { remindAfter: 'P3D', escalateAfter: 'P6D', stalledAfter: 'P10D', calendar: 'working-days', reportEvery: 'P10D', offTrackTolerance: 0.1 },
  'benefit-realisation': { remindAfter: 'P5D', escalateAfter: 'P10D', stalledAfter: 'P20D', calendar: 'working-days', reportEvery: null, offTrackTolerance: 0.1 },
};

/** The policy in force for a gate: the stored values over the defaults (a stored null means "unset"). */
export function effectivePolicy(gate: Gate, stored: Partial<Record<keyof PolicyValues, unknown>> | null | undefined): PolicyValues {
  const defined = Object.fromEntries(
    Object.entries(stored ?? {}).filter(([key, value]) => key in DEFAULT_POLICIES[gate] && value !== null && value !== undefined),
  );
  return { ...DEFAULT_POLICIES[gate], ...defined } as PolicyValues;
}

/** Rough length in seconds, only to check that a ladder's steps come in order. */
export function approximateSeconds(iso: string): number {
  const d = parseDuration(iso);
  return (d.years ?? 0) * 31_536_000 + (d.months ?? 0) * 2_592_000 + (d.weeks ?? 0) * 604_800 + (d.days ?? 0) * 86_400 + (d.hours ?? 0) * 3_600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0);
}

/** Field errors when the ladder's steps come out of order. */
export function ladderOrderProblems(policy: Pick<PolicyValues, 'remindAfter' | 'escalateAfter' | 'stalledAfter'>): Record<string, string> {
  const [remind, escalate, stalled] = [policy.remindAfter, policy.escalateAfter, policy.stalledAfter].map(approximateSeconds);
  if (escalate < remind) return { escalateAfter: 'must not come before remindAfter' };
  if (stalled < escalate) return { stalledAfter: 'must not come before escalateAfter' };
  return {};
}

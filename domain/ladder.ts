// When each step of a gate step's escalation ladder falls due under a policy.
import { addDuration } from './calendar.js';
import type { LadderStep } from './escalation.js';
import type { PolicyValues } from './policy.js';

/** Reminder, escalation and stalled times counted from `from`. */
export function decisionLadder(policy: PolicyValues, from: Date): LadderStep[] {
  return [
    { level: 1, at: addDuration(from, policy.remindAfter, policy.calendar).toISOString() },
    { level: 2, at: addDuration(from, policy.escalateAfter, policy.calendar).toISOString() },
    { level: 3, at: addDuration(from, policy.stalledAfter, policy.calendar).toISOString() },
  ];
}

/**
 * For a progress cadence the reminder goes out when the next report falls due; escalation and
 * stalled are counted from that due time with the gate's escalateAfter and stalledAfter.
 */
export function progressLadder(policy: PolicyValues, lastReport: Date): LadderStep[] {
  if (!policy.reportEvery) return [];
  const due = addDuration(lastReport, policy.reportEvery, policy.calendar);
  return [
    { level: 1, at: due.toISOString() },
    { level: 2, at: addDuration(due, policy.escalateAfter, policy.calendar).toISOString() },
    { level: 3, at: addDuration(due, policy.stalledAfter, policy.calendar).toISOString() },
  ];
}

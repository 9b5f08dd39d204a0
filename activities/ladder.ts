// The escalation ladder's due times for a gate step, from the gate's policy and the calendar.
import { addDuration } from '../domain/calendar.js';
import { DEFAULT_POLICIES, type PolicyValues } from '../domain/policy-defaults.js';
import type { Gate } from '../domain/types.js';
import type { Models } from '../store/models/index.js';
import type { LadderStep } from '../workflows/definitions.js';

export async function policyFor(models: Models, gate: Gate): Promise<PolicyValues> {
  const stored = await models.Policy.findById(gate).lean();
  return stored ? { ...DEFAULT_POLICIES[gate], ...stripNulls(stored) } : DEFAULT_POLICIES[gate];
}

function stripNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

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

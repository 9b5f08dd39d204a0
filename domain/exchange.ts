// What the initiative workflow and its activities hand each other.
import type { LadderStep } from './escalation.js';
import type { ConditionState, Gate, GateStep } from './types.js';

/** One gate round and step of one initiative: the unit idempotency keys and links are bound to. */
export interface StepRef {
  initiativeId: string;
  gate: Gate;
  step: GateStep;
  round: number;
}

export interface GateEntry {
  enteredAt: string;
  ladder: LadderStep[];
  /** Email purposes to send on entry. */
  requests: string[];
  /** Who the step waits for (absent in histories recorded before it was returned). */
  waitingOnId?: string | null;
  /** Everyone the step waits for: a board's members, or the one person. */
  waitingOnIds?: string[];
  /** Owner sign-off entered without a benefit plan: the project manager was told what is missing. */
  awaitingPlan?: boolean;
}

/** A condition on an approval, followed until it is met or waived. */
export interface TrackedCondition {
  id: string;
  gate: Gate;
  ownerId: string;
  dueAt: string;
  status: ConditionState;
  reminders: number;
}

/** What stops an approval: missing parts of the basis (field → what), open mandatory checklist items. */
export interface Obstacles {
  missing?: Record<string, string>;
  checklist?: Record<string, string>;
}

/** How an accepted plan change changes what benefit follow-up watches. */
export interface FollowUpChange {
  added?: FollowedBenefit;
  withdrawn?: string;
  rescheduled?: { id: string; nextDueAt: string };
}

/** One benefit followed in the benefit-realisation gate. */
export interface FollowedBenefit {
  id: string;
  nextDueAt: string;
  until: string;
  /** When the outstanding measurement request went out; null when none is outstanding. */
  requestedAt: string | null;
  closed: boolean;
  realised: boolean;
  requests: number;
}

/** The failure type activities give a calendar or validation error of stored data (never retried). */
export const PLAN_PROBLEM = 'InvalidPlan';

/** A measurement as the workflow is told of it. */
export interface RecordedMeasurement {
  id: string;
  value: number;
  measuredAt: string;
}

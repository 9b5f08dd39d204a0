// What the initiative workflow and its activities hand each other.
import type { LadderStep } from './escalation.js';
import type { Gate, GateStep } from './types.js';

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

// What may change on an initiative and its benefit plan, given where the initiative is. The
// workflow's update validators apply these rules, so an edit that does not fit is refused (409)
// before it enters history.
import type { GoalLink } from './goal-links.js';
import { responsibleField, type PartyField } from './gates.js';
import { isAfter, type Gate, type GateStep, type Status } from './types.js';

export interface Position {
  status: Status;
  gate: Gate;
  step: GateStep;
}

export interface InitiativeChanges {
  title?: string;
  description?: string;
  serviceId?: string;
  projectManagerId?: string;
  serviceOwnerId?: string;
  governanceId?: string | null;
  boardId?: string | null;
  goalLinks?: GoalLink[];
  changeAgentIds?: string[];
  enthusiastIds?: string[];
  problem?: string;
  costEstimate?: { investment: number; yearlyRunning: number };
  risk?: { level: string; description?: string };
  alternatives?: string;
  dpia?: string;
  documents?: { title: string; url: string }[];
}

export type InitiativeField = keyof InitiativeChanges;

/** Fields a project manager edits; everything else on an initiative is the workflow's. */
export const INITIATIVE_EDITABLE: readonly InitiativeField[] = [
  'title', 'description', 'serviceId', 'projectManagerId', 'serviceOwnerId', 'governanceId', 'boardId', 'goalLinks', 'changeAgentIds', 'enthusiastIds',
  'problem', 'costEstimate', 'risk', 'alternatives', 'dpia', 'documents',
];

/** Fields fixed when the initiative is registered. */
export const INITIATIVE_FIXED = ['kind'] as const;

/** A benefit's plan: what the service owner accepts at sign-off. */
export const BENEFIT_PLAN_FIELDS = ['baseline', 'target', 'direction', 'measureEvery', 'followUpUntil'] as const;

/** Fixed when the benefit is created. */
export const BENEFIT_FIXED = ['initiativeId'] as const;

export interface EditRefusal {
  reason: 'not-active' | 'locked';
  message: string;
}

const notActive = (status: Status): EditRefusal => ({ reason: 'not-active', message: `the initiative is ${status} and can no longer be changed` });

/**
 * The person the current gate step waits for changes only through an administrator's audited
 * reassign (which revokes their links and sends the new person theirs); goal links are what
 * governance approved, so they are fixed once goal alignment has passed.
 */
export function initiativeEditRefusal(at: Position, changed: readonly string[]): EditRefusal | null {
  if (at.status === 'draft') return null;
  if (at.status !== 'active') return notActive(at.status);
  const locked: PartyField = responsibleField(at.gate, at.step);
  if (changed.includes(locked) || (at.gate === 'goal-alignment' && at.step !== 'revision' && changed.includes('boardId'))) {
    return { reason: 'locked', message: `${locked} names who the ${at.gate} gate is waiting for; an administrator changes it with reassign` };
  }
  if (changed.includes('goalLinks') && at.gate !== 'goal-alignment') {
    return { reason: 'locked', message: 'goal links were approved at goal alignment and can no longer be changed' };
  }
  return null;
}

export type BenefitOperation = 'create' | 'update' | 'delete';

/** After owner sign-off the plan is the one the service owner accepted: its targets stand. */
export const planIsAccepted = (gate: Gate) => isAfter(gate, 'owner-signoff');

/**
 * After sign-off, adding or removing a benefit or changing its target, dates or cadence is a
 * plan change: it waits for the service owner's acceptance, and until then the accepted version
 * stands (DFØ: the plan is a baseline, changed deliberately).
 */
export function isPlanChange(gate: Gate, operation: BenefitOperation, changed: readonly string[]): boolean {
  if (!planIsAccepted(gate)) return false;
  return operation !== 'update' || changed.some((field) => (BENEFIT_PLAN_FIELDS as readonly string[]).includes(field));
}

export function benefitEditRefusal(at: Position, operation: BenefitOperation, changed: readonly string[], asPlanChange: boolean): EditRefusal | null {
  if (at.status !== 'active' && at.status !== 'draft') return notActive(at.status);
  if (isPlanChange(at.gate, operation, changed) && !asPlanChange) {
    return { reason: 'locked', message: 'the service owner accepted this benefit plan at sign-off; the change goes to them as a plan change' };
  }
  return null;
}

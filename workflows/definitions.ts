// The initiative workflow's public surface: payload types, updates, queries and business
// errors. The API imports this module, never the workflow implementation.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { BenefitOperation, InitiativeChanges } from '../domain/edits.js';
import type { LadderStep } from '../domain/escalation.js';
import type { FollowedBenefit } from '../domain/exchange.js';
import type { AdminAction, BenefitOutcome, Channel, DecisionKind, Gate, GateStep, InitiativeKind, Status } from '../domain/types.js';

export type { FollowedBenefit, GateStep, LadderStep };

export const TASK_QUEUE_DEFAULT = 'endringsporten';

export function workflowIdFor(initiativeId: string): string {
  return `initiative-${initiativeId}`;
}

export interface InitiativeWorkflowInput {
  initiativeId: string;
  kind: InitiativeKind;
  /** Carried over continue-as-new. */
  carried?: WorkflowState;
  /** History length after which a gate step or benefit follow-up continues as new (tests use a small number). */
  continueAsNewAfterEvents?: number;
  /** Carried runs that continued in the middle of a gate step resume it without entering it again. */
  resumeStep?: boolean;
}

/** Who a request comes from and through which channel. */
export interface Origin {
  actorId: string | null;
  channel: Channel;
}

export interface DecisionRequest extends Origin {
  gate: Gate;
  step?: GateStep;
  decision: DecisionKind;
  comment: string;
  conditions?: string[];
  /** From an emailed link: the round and person the link was issued for; a stale one is refused. */
  link?: { round: number; personId: string };
}

export interface ProgressReport extends Origin {
  percent: number;
  note: string;
}

export interface AdminRequest extends Origin {
  action: AdminAction;
  reason: string;
  personId?: string;
}

export interface MeasurementNotice {
  benefitId: string;
}

/** Changed fields of the initiative, already checked by the API for shape and references. */
export interface InitiativeEdit extends Origin {
  changes: InitiativeChanges;
}

/** A benefit created, changed (only the changed fields) or deleted; the API chooses the id of a new one. */
export interface BenefitPlanEdit extends Origin {
  operation: BenefitOperation;
  benefitId: string;
  fields: Record<string, unknown>;
}

export interface WorkflowState {
  initiativeId: string;
  kind: InitiativeKind;
  gate: Gate;
  step: GateStep;
  status: Status;
  /** Increases every time a gate or step is (re-)entered; binds links and idempotency keys. */
  round: number;
  escalationLevel: number;
  stalled: boolean;
  gateEnteredAt: string | null;
  gateDueAt: string | null;
  ladder: LadderStep[];
  lastProgressAt: string | null;
  nudges: number;
  /** Progress reports so far, a key for each report's audit entry. */
  progressReports?: number;
  /** Edits of the initiative and its benefit plan so far, a key for each edit's audit entry. */
  edits?: number;
  /** Who the current step waits for. */
  waitingOnId?: string | null;
  /** Why the workflow cannot go on (a policy or plan the calendar cannot follow) until someone fixes it. */
  problem?: string | null;
  decisions: { gate: Gate; step: GateStep; decision: DecisionKind; at: string; channel: Channel }[];
  benefitOutcome: BenefitOutcome | null;
  followUpCycles: number;
  followUp: FollowedBenefit[] | null;
}

export const decideUpdate = defineUpdate<WorkflowState, [DecisionRequest]>('decide');
export const reportProgressUpdate = defineUpdate<WorkflowState, [ProgressReport]>('reportProgress');
export const adminUpdate = defineUpdate<WorkflowState, [AdminRequest]>('admin');
export const measurementUpdate = defineUpdate<WorkflowState, [MeasurementNotice]>('measurementRecorded');
export const editUpdate = defineUpdate<WorkflowState, [InitiativeEdit]>('edit');
export const benefitPlanUpdate = defineUpdate<WorkflowState, [BenefitPlanEdit]>('editBenefitPlan');
export const stateQuery = defineQuery<WorkflowState>('state');

/** `ApplicationFailure.type` values the API maps to HTTP statuses. */
export enum BusinessError {
  /** The decision names a gate or step that is not the current one (409). */
  WrongGate = 'WrongGate',
  /** The initiative is no longer active (409). */
  NotActive = 'NotActive',
  /** The gate's preconditions are not met, e.g. no change agent (409). */
  PreconditionFailed = 'PreconditionFailed',
  /** Another decision on this gate is being processed right now (409). */
  DecisionInFlight = 'DecisionInFlight',
  /** Not allowed in this gate (409). */
  NotApplicable = 'NotApplicable',
  /** A link issued for an earlier round or another person (409). */
  StaleLink = 'StaleLink',
  /** The field cannot change where the initiative is now (409). */
  Locked = 'Locked',
}

// The initiative workflow's public surface: payload types, updates, queries and business
// errors. The API imports this module, never the workflow implementation.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AdminAction,
  BenefitOutcome,
  Channel,
  DecisionKind,
  Gate,
  InitiativeKind,
  Status,
} from '../domain/types.js';

export const TASK_QUEUE_DEFAULT = 'endringsporten';

export function workflowIdFor(initiativeId: string): string {
  return `initiative-${initiativeId}`;
}

/** Within a gate: `decision` waits for the gate's decider; `confirmation` (implementation only) for the service owner. */
export type GateStep = 'decision' | 'confirmation';

export interface InitiativeWorkflowInput {
  initiativeId: string;
  kind: InitiativeKind;
  /** Carried over continue-as-new. */
  carried?: WorkflowState;
  /** History length after which benefit follow-up continues as new (tests use a small number). */
  continueAsNewAfterEvents?: number;
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

export interface DecisionRequest {
  gate: Gate;
  step?: GateStep;
  decision: DecisionKind;
  comment: string;
  conditions?: string[];
  actorId: string | null;
  channel: Channel;
}

export interface ProgressReport {
  percent: number;
  note: string;
  actorId: string | null;
  channel: Channel;
}

export interface AdminRequest {
  action: AdminAction;
  reason: string;
  personId?: string;
  actorId: string | null;
  channel: Channel;
}

export interface MeasurementNotice {
  benefitId: string;
}

export interface LadderStep {
  level: 1 | 2 | 3;
  at: string;
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
  decisions: { gate: Gate; step: GateStep; decision: DecisionKind; at: string; channel: Channel }[];
  benefitOutcome: BenefitOutcome | null;
  followUpCycles: number;
  followUp: FollowedBenefit[] | null;
}

export const decideUpdate = defineUpdate<WorkflowState, [DecisionRequest]>('decide');
export const reportProgressUpdate = defineUpdate<WorkflowState, [ProgressReport]>('reportProgress');
export const adminUpdate = defineUpdate<WorkflowState, [AdminRequest]>('admin');
export const measurementUpdate = defineUpdate<WorkflowState, [MeasurementNotice]>('measurementRecorded');
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
}

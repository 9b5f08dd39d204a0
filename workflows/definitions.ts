// The initiative workflow's public surface: payload types, updates, queries and business
// errors. The API imports this module, never the workflow implementation.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ConditionInput } from '../domain/conditions.js';
import type { BenefitOperation, InitiativeChanges } from '../domain/edits.js';
import type { LadderStep } from '../domain/escalation.js';
import type { FollowedBenefit, RecordedMeasurement, TrackedCondition } from '../domain/exchange.js';
import type { AdminAction, BenefitOutcome, Channel, ChecklistState, ConditionState, DecisionKind, Gate, GateStep, InitiativeKind, ReviewDecision, Status } from '../domain/types.js';

export type { FollowedBenefit, GateStep, LadderStep, TrackedCondition };

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
  /** Registered as a draft: governance is asked only when the project manager submits it. */
  draft?: boolean;
}

/** Who a request comes from and through which channel. */
export interface Origin {
  actorId: string | null;
  channel: Channel;
}

/** Where an emailed link's request comes from: the round and person it was issued for. */
export interface LinkOrigin {
  round: number;
  /** The person the link was issued for (a deputy's link acts for the person they stand in for). */
  personId: string;
}

export interface DecisionRequest extends Origin {
  gate: Gate;
  step?: GateStep;
  decision: DecisionKind;
  comment: string;
  /** Conditions of an approval: a line each, or with an owner and a due date. */
  conditions?: (string | ConditionInput)[];
  /** How long a hold lasts (ISO date): the decider is asked again then. */
  until?: string;
  /** From an emailed link; a stale one is refused. */
  link?: LinkOrigin;
}

/** A draft submitted, or a gate resubmitted after revision, with a note on what changed. */
export interface Submission extends Origin {
  note: string;
}

export interface ChecklistMark extends Origin {
  gate: Gate;
  key: string;
  status: ChecklistState;
  comment: string;
}

export interface ConditionClosing extends Origin {
  conditionId: string;
  status: Exclude<ConditionState, 'open'>;
  note: string;
}

export interface PlanChangeAnswer extends Origin {
  planChangeId: string;
  decision: 'approve' | 'reject';
  comment: string;
  link?: LinkOrigin;
}

export interface HarvestRecord extends Origin {
  benefitId: string;
  how: string;
  note: string;
}

export interface ReviewAnswer extends Origin {
  reviewId: string;
  decision: ReviewDecision;
  note: string;
  /** For `adjust`: the benefit and its new target (a plan change the service owner accepts). */
  benefitId?: string;
  target?: number;
  link?: LinkOrigin;
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

/** A measurement was stored; with its value and date, the benefit is evaluated without reading them back. */
export interface MeasurementNotice {
  benefitId: string;
  measurement?: RecordedMeasurement;
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
  /** After owner sign-off a change to the plan waits for the service owner: the API names its id. */
  planChangeId?: string;
  reason?: string;
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
  blockedReason?: string | null;
  /** Everyone the step waits for: a board's members, or the one person. */
  waitingOnIds?: string[];
  /** The end of a hold (step `hold`). */
  holdUntil?: string | null;
  /** Owner sign-off entered without a benefit plan: the owner is asked once there is one. */
  awaitingPlan?: boolean;
  conditions?: TrackedCondition[];
  /** Plan changes waiting for the service owner. */
  pendingPlanChanges?: string[];
  openReviews?: string[];
  nextReviewAt?: string | null;
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
export const submitUpdate = defineUpdate<WorkflowState, [Submission]>('submit');
export const checklistUpdate = defineUpdate<WorkflowState, [ChecklistMark]>('markChecklist');
export const closeConditionUpdate = defineUpdate<WorkflowState, [ConditionClosing]>('closeCondition');
export const planChangeUpdate = defineUpdate<WorkflowState, [PlanChangeAnswer]>('answerPlanChange');
export const harvestUpdate = defineUpdate<WorkflowState, [HarvestRecord]>('recordHarvest');
export const reviewUpdate = defineUpdate<WorkflowState, [ReviewAnswer]>('decideReview');
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
  /** A mandatory checklist item of the gate is open (409 checklist-incomplete). */
  ChecklistIncomplete = 'ChecklistIncomplete',
  /** A condition of an earlier approval is still open (409 open-conditions). */
  OpenConditions = 'OpenConditions',
}

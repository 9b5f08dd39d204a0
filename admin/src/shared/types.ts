// Record shapes of the API (see /work/shared/API.md); ids are strings. Every enumeration comes
// from domain/types.ts, the vocabulary the API and the worker use.
import type { EscalationLevel } from '@domain/escalation';
import type { GoalLink } from '@domain/goal-links';
import type { Absence } from '@domain/gates';
import type {
    Band,
    BenefitCategory,
    BenefitOutcome,
    ChecklistState,
    ConditionState,
    Direction,
    Gate,
    GateStep,
    InitiativeKind,
    PlanChangeState,
    ReviewDecision,
    RiskLevel,
    Status,
} from '@domain/types';

export interface Initiative {
    id: string;
    title: string;
    description?: string;
    kind: InitiativeKind;
    serviceId?: string;
    projectManagerId?: string;
    serviceOwnerId?: string;
    governanceId?: string | null;
    boardId?: string | null;
    goalLinks?: GoalLink[];
    changeAgentIds?: string[];
    enthusiastIds?: string[];
    goalIds?: string[];
    gate: Gate;
    gateStep?: GateStep;
    status: Status;
    stalled?: boolean;
    escalationLevel?: EscalationLevel;
    gateEnteredAt?: string;
    gateDueAt?: string;
    priorityScore?: number;
    workflowId?: string;
    benefitOutcome?: BenefitOutcome | null;
    /** Read model beyond the contract: who the current gate step waits for, and progress. */
    waitingOnId?: string | null;
    progressPercent?: number | null;
    lastProgressAt?: string | null;
    completedAt?: string | null;
    /** Everyone the step waits for: a board's members, or the one person. */
    waitingOnIds?: string[];
    holdUntil?: string | null;
    /** Why the workflow cannot go on until someone corrects a policy or plan. */
    blockedReason?: string | null;
    checklist?: ChecklistMark[];
    submittedAt?: string | null;
    /** What changed since the last round, said by the project manager on (re)submitting a gate. */
    submitNote?: { text?: string; gate?: Gate; round?: number } | null;
    // The decision basis the project manager prepares.
    problem?: string;
    costEstimate?: { investment?: number | null; yearlyRunning?: number | null } | null;
    risk?: { level?: RiskLevel | null; description?: string } | null;
    alternatives?: string;
    dpia?: string | null;
    documents?: { title: string; url: string }[];
}

export interface ChecklistMark {
    gate: Gate;
    key: string;
    status: ChecklistState;
    comment?: string | null;
    byId?: string | null;
    at?: string | null;
}

export interface ChecklistTemplate {
    /** The gate. */
    id: Gate;
    items: { key: string; text: string; mandatory: boolean }[];
}

export interface Board {
    id: string;
    name: string;
    chairId?: string | null;
    memberIds: string[];
}

export interface Condition {
    id: string;
    initiativeId: string;
    gate: Gate;
    text: string;
    ownerId: string;
    dueAt: string;
    status: ConditionState;
    closedById?: string | null;
    closedAt?: string | null;
    note?: string;
}

export interface PlanChange {
    id: string;
    initiativeId: string;
    benefitId: string;
    operation: 'create' | 'update' | 'delete';
    changes: Record<string, unknown>;
    reason?: string;
    requestedById?: string | null;
    status: PlanChangeState;
    decidedById?: string | null;
    comment?: string;
    at?: string | null;
    createdAt?: string;
}

export interface Review {
    id: string;
    initiativeId: string;
    dueAt: string;
    status: 'open' | 'decided';
    decision?: ReviewDecision | null;
    note?: string;
    byId?: string | null;
    at?: string | null;
}

export interface Comment {
    id: string;
    initiativeId: string;
    gate: Gate;
    text: string;
    authorId?: string | null;
    channel: string;
    at: string;
}

export interface Readiness {
    id: string;
    initiativeId: string;
    unit: string;
    status: 'ready' | 'not-ready';
    note?: string;
    personId?: string | null;
    channel: string;
    at: string;
}

/** A person as the directory shows them to everyone (name, unit) and administrators see them whole. */
export interface Person {
    id: string;
    name: string;
    unit?: string;
    email?: string;
    roles?: string[];
    active?: boolean;
    absences?: Absence[];
    localLogin?: boolean;
}

export interface Benefit {
    id: string;
    initiativeId: string;
    title: string;
    category: BenefitCategory;
    indicator?: string;
    unit?: string;
    dataSource?: string;
    baseline: number;
    baselineDate: string;
    target: number;
    direction: Direction;
    measureEvery?: string;
    followUpUntil: string;
    ownerId?: string;
    latestValue?: number | null;
    achievement?: number | null;
    band?: Band;
    realised?: boolean;
    nextMeasurementDue?: string;
    valuePerYear?: number | null;
    realisedValuePerYear?: number | null;
    version?: number;
    acceptedVersion?: number | null;
    acceptedAt?: string | null;
    versions?: BenefitVersion[];
    withdrawn?: boolean;
    harvest?: { how: string; note?: string; byId?: string | null; at?: string | null } | null;
}

/** The plan as the service owner accepted it, version by version. */
export interface BenefitVersion {
    version: number;
    at: string;
    title?: string;
    baseline?: number;
    target?: number;
    direction?: Direction;
    measureEvery?: string;
    followUpUntil?: string;
}

export interface Measurement {
    id: string;
    benefitId: string;
    value: number;
    measuredAt: string;
    note?: string;
    reportedById?: string;
    channel?: string;
}

export interface Meta {
    temporalUiUrl: string | null;
    namespace: string;
    mailboxUrl: string | null;
}

/** How a group's benefits are doing, and the report rows, as domain/scoreboard.ts defines them. */
export type { Tally as RealisationCounts, OwnerScore as OwnerReportRow, GoalScore as GoalReportRow } from '@domain/scoreboard';

// Record shapes of the API (see /work/shared/API.md); ids are strings. Every enumeration comes
// from domain/types.ts, the vocabulary the API and the worker use.
import type { EscalationLevel } from '@domain/escalation';
import type { GoalLink } from '@domain/goal-links';
import type {
    Band,
    BenefitCategory,
    BenefitOutcome,
    Direction,
    Gate,
    GateStep,
    InitiativeKind,
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
    governanceId?: string;
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

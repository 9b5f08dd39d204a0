// Record shapes of the API (see /work/shared/API.md); ids are strings.
export const GATES = ['goal-alignment', 'owner-signoff', 'implementation', 'benefit-realisation'] as const;
export type Gate = (typeof GATES)[number];

export const ROLES = ['admin', 'project-manager', 'service-owner', 'governance', 'change-agent', 'enthusiast'] as const;
export type Role = (typeof ROLES)[number];

export type InitiativeStatus = 'active' | 'completed' | 'rejected' | 'cancelled';
export type Band = 'on-track' | 'watch' | 'off-track';
export type Decision = 'approve' | 'reject' | 'revise';
export type AdminAction = 'nudge' | 'reassign' | 'skip' | 'cancel';
export const ADMIN_ACTIONS: AdminAction[] = ['nudge', 'reassign', 'skip', 'cancel'];

export interface GoalLink {
    goalId: string;
    contribution: 1 | 2 | 3;
    rationale?: string;
}

export interface Initiative {
    id: string;
    title: string;
    description?: string;
    kind: 'project' | 'line';
    serviceId?: string;
    projectManagerId?: string;
    serviceOwnerId?: string;
    governanceId?: string;
    goalLinks?: GoalLink[];
    changeAgentIds?: string[];
    enthusiastIds?: string[];
    goalIds?: string[];
    gate: Gate;
    gateStep?: 'decision' | 'confirmation';
    status: InitiativeStatus;
    stalled?: boolean;
    escalationLevel?: 0 | 1 | 2 | 3;
    gateEnteredAt?: string;
    gateDueAt?: string;
    priorityScore?: number;
    workflowId?: string;
    benefitOutcome?: 'realised' | 'partly' | 'not-realised' | null;
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
    category: 'efficiency' | 'quality' | 'other-actors';
    indicator?: string;
    unit?: string;
    dataSource?: string;
    baseline: number;
    baselineDate: string;
    target: number;
    targetDate?: string;
    direction: 'increase' | 'decrease';
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

interface RealisationCounts {
    benefits: number;
    realised: number;
    onTrack: number;
    watch: number;
    offTrack: number;
    overdue: number;
}
export interface OwnerReportRow extends RealisationCounts {
    ownerId: string;
    ownerName: string;
}
export interface GoalReportRow extends RealisationCounts {
    goalId: string;
    code: string;
    title: string;
    initiatives: number;
}

/** The person the current gate step waits for: the read model's waitingOnId, else who the gate names. */
export const responsibleFor = (initiative: Initiative): string | undefined => {
    if (initiative.waitingOnId) return initiative.waitingOnId;
    switch (initiative.gate) {
        case 'goal-alignment':
        case 'benefit-realisation':
            return initiative.governanceId;
        case 'implementation':
            return initiative.gateStep === 'confirmation' ? initiative.serviceOwnerId : initiative.projectManagerId;
        default:
            return initiative.serviceOwnerId;
    }
};

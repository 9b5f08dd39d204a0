// The vocabulary every part shares: workflows, activities, the API and the console (through its
// `@domain` alias). Pure data and types: no I/O, no Node built-ins.

export const GATES = ['goal-alignment', 'owner-signoff', 'implementation', 'benefit-realisation'] as const;
export type Gate = (typeof GATES)[number];

/**
 * Within a gate: `decision` waits for the gate's decider; `confirmation` (implementation only) for
 * the service owner; `revision` for the project manager to rework and resubmit; `hold` until a
 * date the decider set, when they are asked again.
 */
export const GATE_STEPS = ['decision', 'confirmation', 'revision', 'hold'] as const;
export type GateStep = (typeof GATE_STEPS)[number];

/** `draft`: registered, not yet submitted to governance. */
export const STATUSES = ['draft', 'active', 'completed', 'rejected', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** Go (with or without conditions), rework, hold until a date, stop. */
export const DECISIONS = ['approve', 'revise', 'hold', 'reject'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

export const CHANNELS = ['email', 'console', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ROLES = ['admin', 'project-manager', 'service-owner', 'governance', 'change-agent', 'enthusiast'] as const;
export type Role = (typeof ROLES)[number];

export const KINDS = ['project', 'line'] as const;
export type InitiativeKind = (typeof KINDS)[number];

export const EMAIL_KINDS = [
  'approval-request',
  'reminder',
  'escalation',
  'confirmation-request',
  'measurement-request',
  'notification',
  'plan-change-request',
  'condition-reminder',
  'readiness-request',
  'comment-invitation',
  'review-request',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const EMAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const ADMIN_ACTIONS = ['nudge', 'reassign', 'skip', 'cancel'] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

export const CALENDARS = ['working-days', 'elapsed'] as const;
export type CalendarMode = (typeof CALENDARS)[number];

export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const BENEFIT_CATEGORIES = ['efficiency', 'quality', 'other-actors'] as const;
export type BenefitCategory = (typeof BENEFIT_CATEGORIES)[number];
export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const BANDS = ['on-track', 'watch', 'off-track'] as const;
export type Band = (typeof BANDS)[number];
export const BENEFIT_OUTCOMES = ['realised', 'partly', 'not-realised'] as const;
export type BenefitOutcome = (typeof BENEFIT_OUTCOMES)[number];

/** What an emailed link lets its person do. */
export const LINK_PURPOSES = ['decision', 'confirmation', 'measurement', 'plan-change', 'readiness', 'comment', 'review'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
/** Privacy impact assessment (DPIA): not needed, needed, done. */
export const DPIA_STATES = ['not-needed', 'needed', 'done'] as const;
export const CHECKLIST_STATES = ['open', 'done', 'not-relevant'] as const;
export type ChecklistState = (typeof CHECKLIST_STATES)[number];
export const CONDITION_STATES = ['open', 'met', 'waived'] as const;
export type ConditionState = (typeof CONDITION_STATES)[number];
export const PLAN_CHANGE_STATES = ['pending', 'accepted', 'rejected'] as const;
export type PlanChangeState = (typeof PLAN_CHANGE_STATES)[number];
export const READINESS_STATES = ['ready', 'not-ready'] as const;
export const REVIEW_STATES = ['open', 'decided'] as const;
export const REVIEW_DECISIONS = ['continue', 'adjust', 'close-realised', 'close-abandoned'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
/** How a realised benefit was taken out (DFØ): budget reduced, capacity redeployed, better quality, other. */
export const HARVEST_KINDS = ['budget-reduced', 'capacity-redeployed', 'quality', 'other'] as const;

/** A goal link's contribution score. */
export const CONTRIBUTIONS = [1, 2, 3] as const;

export function nextGate(gate: Gate): Gate | undefined {
  return GATES[GATES.indexOf(gate) + 1];
}

/** True when `gate` comes after `other` in the gate order. */
export const isAfter = (gate: Gate, other: Gate) => GATES.indexOf(gate) > GATES.indexOf(other);

// The vocabulary every part shares: workflows, activities, the API and the console (through its
// `@domain` alias). Pure data and types: no I/O, no Node built-ins.

export const GATES = ['goal-alignment', 'owner-signoff', 'implementation', 'benefit-realisation'] as const;
export type Gate = (typeof GATES)[number];

/** Within a gate: `decision` waits for the gate's decider; `confirmation` (implementation only) for the service owner. */
export const GATE_STEPS = ['decision', 'confirmation'] as const;
export type GateStep = (typeof GATE_STEPS)[number];

export const STATUSES = ['active', 'completed', 'rejected', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

export const DECISIONS = ['approve', 'reject', 'revise'] as const;
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

/** A goal link's contribution score. */
export const CONTRIBUTIONS = [1, 2, 3] as const;

export function nextGate(gate: Gate): Gate | undefined {
  return GATES[GATES.indexOf(gate) + 1];
}

/** True when `gate` comes after `other` in the gate order. */
export const isAfter = (gate: Gate, other: Gate) => GATES.indexOf(gate) > GATES.indexOf(other);

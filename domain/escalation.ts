// The escalation ladder of a gate step: its levels, and what each level is called in the read
// model, the audit trail and the email that goes out. (When each falls due: ladder.ts.)

export const ESCALATION_LEVELS = [0, 1, 2, 3] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** escalationLevel values in the read model and search attributes. */
export const ESCALATION = { none: 0, reminded: 1, escalated: 2, stalled: 3 } as const;

export interface LadderStep {
  level: 1 | 2 | 3;
  at: string;
}

/** Per level: the email purpose it sends and the audit action it writes. */
export const LADDER_STEPS = {
  1: { purpose: 'reminder', audit: 'gate.reminded' },
  2: { purpose: 'escalation', audit: 'gate.escalated' },
  3: { purpose: 'stalled', audit: 'gate.stalled' },
} as const;

export type LadderPurpose = (typeof LADDER_STEPS)[keyof typeof LADDER_STEPS]['purpose'];

export const isStalledLevel = (level: number) => level >= ESCALATION.stalled;

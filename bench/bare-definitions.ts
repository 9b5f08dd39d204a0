// The baseline's public surface (the bench's driver imports this, never the workflow code):
// the same kinds of updates as the initiative workflow, on a skeleton whose activities do nothing.
import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** Lifecycle steps: the four decisions (implementation has two) and then benefit follow-up. */
export const BARE_STEPS = ['goal-alignment', 'owner-signoff', 'implementation', 'implementation-confirmation', 'benefit-realisation'] as const;

export interface BareState {
  step: number;
  status: 'active' | 'completed';
  decisions: number;
  /** Escalation skeleton: when the reminder was due and when its (no-op) email activity ran. */
  reminderDueAt: number | null;
  reminderSentAt: number | null;
}

export interface BareLifecycleInput {
  id: string;
}

export interface BareEscalationInput {
  id: string;
  /** Epoch ms when the reminder falls due (ours reads it from the policy at gate entry). */
  remindAt: number;
}

export const bareDecideUpdate = defineUpdate<BareState, [{ step: number }]>('bareDecide');
export const bareMeasurementUpdate = defineUpdate<BareState, []>('bareMeasurement');
export const bareStateQuery = defineQuery<BareState>('bareState');

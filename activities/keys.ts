// Idempotency keys: one per initiative, gate round, step and purpose — never per attempt.
import type { Gate } from '../domain/types.js';
import type { GateStep } from '../workflows/definitions.js';

export interface StepRef {
  initiativeId: string;
  gate: Gate;
  step: GateStep;
  round: number;
}

export const stepKey = (ref: StepRef, ...parts: (string | number)[]) =>
  [ref.initiativeId, ref.gate, ref.round, ref.step, ...parts].join(':');

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

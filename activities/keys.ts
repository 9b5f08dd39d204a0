// Idempotency keys: one per initiative, gate round, step and purpose — never per attempt.
import type { StepRef } from '../domain/exchange.js';

export type { StepRef };

export const stepKey = (ref: StepRef, ...parts: (string | number)[]) =>
  [ref.initiativeId, ref.gate, ref.round, ref.step, ...parts].join(':');

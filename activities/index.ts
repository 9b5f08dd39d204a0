// The activity factory: called once by the worker with real dependencies.
import { createBenefitEmailActivities } from './benefit-emails.js';
import { createBenefitActivities } from './benefits.js';
import { createDecisionActivities } from './decisions.js';
import type { ActivityDeps } from './deps.js';
import { createEditActivities } from './edits.js';
import { createEmailActivities } from './emails.js';
import { createGateActivities } from './gates.js';
import { heartbeating } from './heartbeat.js';
import { createKeyedQueue, serialisedPerInitiative } from './serial.js';

export function createActivities(deps: ActivityDeps) {
  // Everything that writes an initiative or its benefits queues per initiative (see serial.ts).
  const writes = createKeyedQueue();
  return {
    ...serialisedPerInitiative(writes, createGateActivities(deps)),
    ...serialisedPerInitiative(writes, createDecisionActivities(deps)),
    ...serialisedPerInitiative(writes, createEditActivities(deps)),
    ...serialisedPerInitiative(writes, createBenefitActivities(deps)),
    ...heartbeating(createEmailActivities(deps)),
    ...heartbeating(createBenefitEmailActivities(deps)),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps } from './deps.js';

// The activity factory: called once by the worker with real dependencies.
import type { ActivityDeps } from './deps.js';
import { heartbeating } from './heartbeat.js';
import { createEmailActivities } from './emails.js';
import { createGateActivities } from './gates.js';
import { createDecisionActivities } from './decisions.js';
import { createBenefitActivities } from './benefits.js';
import { createBenefitEmailActivities } from './benefit-emails.js';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createGateActivities(deps),
    ...createDecisionActivities(deps),
    ...heartbeating(createEmailActivities(deps)),
    ...createBenefitActivities(deps),
    ...heartbeating(createBenefitEmailActivities(deps)),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps } from './deps.js';

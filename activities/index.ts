// The activity factory: called once by the worker with real dependencies.
import { createBenefitEmailActivities } from './benefit-emails.js';
import { createBenefitActivities } from './benefits.js';
import { createDecisionActivities } from './decisions.js';
import type { ActivityDeps } from './deps.js';
import { createEditActivities } from './edits.js';
import { createEmailActivities } from './emails.js';
import { createEventActivities } from './events.js';
import { createGateActivities } from './gates.js';
import { heartbeating } from './heartbeat.js';
import { planErrorsAreFinal, programmingErrorsAreFinal } from './failures.js';
import { createPlanActivities } from './plans.js';
import { createReviewActivities } from './reviews.js';
import { createKeyedQueue, serialisedPerInitiative, type ActivityGroup } from './serial.js';

export function createActivities(deps: ActivityDeps) {
  // Everything that writes an initiative or its benefits queues per initiative (see serial.ts).
  const writes = createKeyedQueue();
  // A stored plan the calendar cannot follow fails for good, not on every retry (see failures.ts).
  const database = <T extends ActivityGroup>(group: T): T => serialisedPerInitiative(writes, planErrorsAreFinal(group));
  return {
    ...database(createGateActivities(deps)),
    ...database(createDecisionActivities(deps)),
    ...database(createEditActivities(deps)),
    ...database(createBenefitActivities(deps)),
    ...database(createPlanActivities(deps)),
    ...database(createReviewActivities(deps)),
    ...heartbeating(programmingErrorsAreFinal(createEmailActivities(deps))),
    ...heartbeating(programmingErrorsAreFinal(createBenefitEmailActivities(deps))),
    ...createEventActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps } from './deps.js';

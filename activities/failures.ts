// A stored plan the calendar cannot follow (a duration out of range, a date beyond the calendar)
// fails the same way on every retry. Such errors become non-retryable failures of a known type,
// so the workflow shows the problem on the initiative instead of retrying for ever.
import { ApplicationFailure } from '@temporalio/common';
import { CalendarRangeError, InvalidDurationError } from '../domain/calendar.js';
import { PLAN_PROBLEM } from '../domain/exchange.js';
import type { ActivityGroup } from './serial.js';

const isPlanError = (error: unknown) =>
  error instanceof InvalidDurationError || error instanceof CalendarRangeError || (error instanceof RangeError && /Invalid time value/.test(error.message));

export function planErrorsAreFinal<T extends ActivityGroup>(group: T): T {
  return Object.fromEntries(
    Object.entries(group).map(([name, activity]) => [
      name,
      async (ref: unknown) => {
        try {
          return await activity(ref);
        } catch (error) {
          if (!isPlanError(error)) throw error;
          throw ApplicationFailure.nonRetryable(
            `the escalation policy or a benefit's cadence cannot be followed (${(error as Error).message}); an administrator must correct it`,
            PLAN_PROBLEM,
          );
        }
      },
    ]),
  ) as T;
}

// Errors that fail the same way on every retry become non-retryable failures of a known type:
// a stored plan the calendar cannot follow (the workflow shows it on the initiative instead of
// retrying for ever), and a mistake in our own code behind an email (emails otherwise retry for as
// long as SMTP is away, and the workflow waits for its emails before it ends).
import { ApplicationFailure } from '@temporalio/common';
import { CalendarRangeError, InvalidDurationError } from '../domain/calendar.js';
import { PLAN_PROBLEM } from '../domain/exchange.js';
import type { ActivityGroup } from './serial.js';

const isPlanError = (error: unknown) =>
  error instanceof InvalidDurationError || error instanceof CalendarRangeError || (error instanceof RangeError && /Invalid time value/.test(error.message));

const isProgrammingError = (error: unknown) => error instanceof TypeError || error instanceof ReferenceError || error instanceof SyntaxError;

function finalWhen<T extends ActivityGroup>(group: T, isFinal: (error: unknown) => boolean, failure: (name: string, error: Error) => ApplicationFailure): T {
  return Object.fromEntries(
    Object.entries(group).map(([name, activity]) => [
      name,
      async (ref: unknown) => {
        try {
          return await activity(ref);
        } catch (error) {
          throw isFinal(error) ? failure(name, error as Error) : error;
        }
      },
    ]),
  ) as T;
}

export const planErrorsAreFinal = <T extends ActivityGroup>(group: T): T =>
  finalWhen(group, isPlanError, (_name, error) =>
    ApplicationFailure.nonRetryable(`the escalation policy or a benefit's cadence cannot be followed (${error.message}); an administrator must correct it`, PLAN_PROBLEM),
  );

export const programmingErrorsAreFinal = <T extends ActivityGroup>(group: T): T =>
  finalWhen(group, isProgrammingError, (name, error) => ApplicationFailure.nonRetryable(`${name} failed: ${error.message}`, 'ProgrammingError'));

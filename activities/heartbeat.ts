// Mail activities heartbeat while they run, so a send on a crashed worker is noticed within the
// heartbeat timeout instead of the whole start-to-close timeout.
import { Context } from '@temporalio/activity';

const HEARTBEAT_EVERY_MS = 3_000;

export function heartbeatIfInActivity(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // called outside an activity (tests call activities directly)
  }
}

export function withHeartbeat<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const timer = setInterval(heartbeatIfInActivity, HEARTBEAT_EVERY_MS);
    try {
      return await fn(...args);
    } finally {
      clearInterval(timer);
    }
  };
}

/** Wraps every function of an activity group. */
export function heartbeating<T extends Record<string, (...args: any[]) => Promise<unknown>>>(group: T): T {
  return Object.fromEntries(Object.entries(group).map(([name, fn]) => [name, withHeartbeat(fn)])) as T;
}

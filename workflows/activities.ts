// Activity proxies, in named groups with explicit timeouts and retry policies.
import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';

const databaseRetry = { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' } as const;

/** Quick database writes and reads: short timeouts, retried for a long while (the database may restart). */
const remoteDb = proxyActivities<Activities>({ startToCloseTimeout: '20 seconds', retry: databaseRetry });

/**
 * The same, as local activities: they run inside the workflow task on the worker, saving a
 * round trip through the server per write (decisions answer faster). Every one of them is
 * idempotent by its keys, so a re-run after a worker crash changes nothing.
 */
const localDb = proxyLocalActivities<Activities>({ startToCloseTimeout: '20 seconds', retry: databaseRetry, localRetryThreshold: '10 seconds' });

export type DatabaseActivities = typeof remoteDb;

/** Called once at the start of a run: runs recorded before local activities keep the remote ones. */
export function databaseActivities(): DatabaseActivities {
  return patched('local-db-activities') ? localDb : remoteDb;
}

/**
 * Email: SMTP may be down for a while; retried with backoff until it returns. A send heartbeats,
 * so one on a crashed worker is retried within the heartbeat timeout; the start-to-close
 * timeout leaves room for SMTP (25 s at most) and for recording 'sent' while the database is away.
 */
export const mail = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});

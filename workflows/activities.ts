// Activity proxies, in named groups with explicit timeouts and retry policies.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';

/** Quick database writes and reads: short timeouts, retried for a long while (the database may restart). */
export const db = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/**
 * Email: SMTP may be down for a while; retried with backoff until it returns. The timeout bounds
 * how long a send on a crashed worker blocks its retry (SMTP itself gives up after 25 s).
 */
export const mail = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});

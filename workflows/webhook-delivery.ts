// Delivers one event to every webhook that wants it: one activity per webhook, retried with
// backoff on its own, so a failing receiver delays neither a gate nor the other receivers.
import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { DeliveryWorkflowInput } from '../domain/events.js';

const records = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** 2 s, 4 s, 8 s … up to 10 minutes apart: twelve attempts span about forty minutes. */
const sending = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 12 },
});

export async function webhookDeliveryWorkflow({ eventId }: DeliveryWorkflowInput): Promise<Record<string, 'delivered' | 'skipped' | 'failed'>> {
  const deliveries = await records.planDeliveries({ eventId });
  const outcomes = await Promise.all(
    deliveries.map(async (delivery) => {
      try {
        return [delivery.deliveryId, await sending.deliverWebhook(delivery)] as const;
      } catch (error) {
        const why = error instanceof ActivityFailure && error.cause ? error.cause.message : String(error);
        await records.recordDeliveryFailed({ ...delivery, error: why });
        return [delivery.deliveryId, 'failed'] as const;
      }
    }),
  );
  return Object.fromEntries(outcomes);
}

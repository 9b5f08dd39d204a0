// Events out of the gate engine. `eventsFor` is what activities call where something happens
// (a gate decided, a gate stalled, a benefit off track or realised, an initiative completed);
// the delivery activities are what the delivery workflow runs for each subscribed webhook.
import { createHmac } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { BenefitStatus } from '../domain/benefits.js';
import { DELIVERY_WORKFLOW, deliveryIdFor, deliveryStartOptions, isPermanentRefusal, SIGNATURE_HEADER, type EventData, type EventRecord, type EventType } from '../domain/events.js';
import { consoleUrl } from '../domain/links.js';
import { webhookPayload } from '../domain/webhook-payloads.js';
import { logger } from '../logging/logger.js';
import { publishEvent, subscribersOf, type StartDelivery } from '../store/events.js';
import { isDuplicateKey } from '../store/keys.js';
import type { ActivityDeps } from './deps.js';
import { postWebhook } from './webhook-http.js';

/** Failure types of a delivery attempt: a refusal is not retried, a failure is. */
export const WEBHOOK_REFUSED = 'WebhookRefused';
export const WEBHOOK_FAILED = 'WebhookFailed';

/** Starts the delivery through the client of the worker running this activity. */
export const startDeliveryFromActivity: StartDelivery = async (eventId) => {
  const { client, info } = Context.current();
  try {
    await client.workflow.start(DELIVERY_WORKFLOW, deliveryStartOptions(eventId, info.taskQueue));
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
};

const attemptNumber = () => {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1; // called outside an activity (tests)
  }
};

export const signatureOf = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** The publish calls of the activities; each is keyed, so a retried activity publishes once. */
export function eventsFor({ models, publicUrl, startDelivery = startDeliveryFromActivity }: ActivityDeps) {
  async function about(initiativeId: string, actorId?: string | null): Promise<Pick<EventData, 'initiativeId' | 'initiativeTitle' | 'actorName' | 'url'>> {
    const [initiative, actor] = await Promise.all([
      models.Initiative.findById(initiativeId, { title: 1 }).lean(),
      actorId ? models.Person.findById(actorId, { name: 1 }).lean() : null,
    ]);
    return { initiativeId, initiativeTitle: initiative?.title ?? null, actorName: actor?.name ?? null, url: consoleUrl(publicUrl, 'initiatives', initiativeId) };
  }
  const publish = (id: string, type: EventType, time: Date, data: EventData) => publishEvent(models, startDelivery, { id, type, time, data });

  return {
    /** For a submission that goes through the workflow; `submission` counts them (1 for the first). */
    async initiativeSubmitted(initiativeId: string, submission: number, at: Date, by: { actorId: string | null; channel: string }) {
      return publish(`${initiativeId}:submitted:${submission}:event`, 'initiative.submitted', at, { ...(await about(initiativeId, by.actorId)), actorId: by.actorId, channel: by.channel });
    },
    async gateDecided(key: string, at: Date, d: { initiativeId: string; gate: string; decision: string; comment: string; conditions: string[]; channel: string; actorId: string | null }) {
      return publish(`${key}:event`, 'gate.decided', at, { ...(await about(d.initiativeId, d.actorId)), gate: d.gate, decision: d.decision, comment: d.comment, conditions: d.conditions, channel: d.channel, actorId: d.actorId });
    },
    async gateStalled(key: string, at: Date, d: { initiativeId: string; gate: string; level: number }) {
      return publish(`${key}:event`, 'gate.stalled', at, { ...(await about(d.initiativeId)), gate: d.gate, level: d.level });
    },
    async initiativeCompleted(key: string, at: Date, d: { initiativeId: string; benefitOutcome: string | null }) {
      return publish(`${key}:event`, 'initiative.completed', at, { ...(await about(d.initiativeId)), status: 'completed', benefitOutcome: d.benefitOutcome });
    },
    /** Before the benefit's read model is written, so a retry after a crash still sees the change. */
    async benefitEvaluated(
      benefit: { _id: unknown; initiativeId: string; title: string; unit: string; target: number; band?: string | null; realised?: boolean | null },
      status: BenefitStatus,
      measurementId: string | null,
      at: Date,
    ) {
      const id = String(benefit._id);
      const data = async () => ({
        ...(await about(benefit.initiativeId)),
        url: consoleUrl(publicUrl, 'benefits', id),
        benefitId: id, benefitTitle: benefit.title, band: status.band, achievement: status.achievement, latestValue: status.latestValue, target: benefit.target, unit: benefit.unit,
      });
      if (status.band === 'off-track' && benefit.band !== 'off-track' && measurementId) await publish(`${id}:off-track:${measurementId}:event`, 'benefit.off-track', at, await data());
      if (status.realised && !benefit.realised) await publish(`${id}:realised:event`, 'benefit.realised', at, await data());
    },
  };
}

export type EventPublisher = ReturnType<typeof eventsFor>;

/** Initiative and gate ride along so that the delivery's log lines name them. */
export interface DeliveryRef {
  deliveryId: string;
  initiativeId: string | null;
  gate?: string | null;
}

export function createEventActivities({ models, clock, publicUrl }: ActivityDeps) {
  const record = (deliveryId: string, fields: Record<string, unknown>) => models.Delivery.updateOne({ _id: deliveryId }, { $set: fields });

  return {
    /** One delivery record per webhook that wants the event (as the webhooks are now). */
    async planDeliveries(ref: { eventId: string }): Promise<DeliveryRef[]> {
      const event = await models.Event.findById(ref.eventId).lean();
      if (!event) return [];
      const planned: DeliveryRef[] = [];
      const webhooks = event.onlyWebhookId ? await models.Webhook.find({ _id: event.onlyWebhookId }).lean() : await subscribersOf(models, event.type);
      for (const webhook of webhooks) {
        const deliveryId = deliveryIdFor(ref.eventId, String(webhook._id));
        try {
          await models.Delivery.create({ _id: deliveryId, eventId: ref.eventId, eventType: event.type, webhookId: String(webhook._id), initiativeId: event.initiativeId ?? null, test: Boolean(event.onlyWebhookId) });
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
        planned.push({ deliveryId, initiativeId: event.initiativeId ?? null, gate: (event.data as EventData).gate ?? null });
      }
      return planned;
    },

    /** One attempt; throws to be retried with backoff, or for good when the receiver refuses. */
    async deliverWebhook(ref: DeliveryRef): Promise<'delivered' | 'skipped'> {
      const delivery = await models.Delivery.findById(ref.deliveryId).lean();
      if (!delivery || delivery.status === 'delivered') return 'delivered';
      const [event, webhook] = await Promise.all([models.Event.findById(delivery.eventId).lean(), models.Webhook.findById(delivery.webhookId).lean()]);
      if (!event || !webhook || !webhook.active) {
        await record(ref.deliveryId, { status: 'skipped', lastError: webhook ? 'the webhook was switched off' : 'the webhook was removed' });
        return 'skipped';
      }
      const record_: EventRecord = { id: String(event._id), type: event.type, time: event.time.toISOString(), data: event.data };
      const payload = webhookPayload(webhook.format, record_, publicUrl);
      const body = JSON.stringify(payload.body);
      const attempts = attemptNumber();
      const at = clock();
      let problem: string;
      let status: number | null = null;
      try {
        ({ status } = await postWebhook(webhook.url, body, {
          'content-type': payload.contentType,
          'user-agent': 'Endringsporten-Webhooks/1.0',
          [SIGNATURE_HEADER.toLowerCase()]: signatureOf(webhook.secret, body),
          'x-endringsporten-event': event.type,
          'x-endringsporten-delivery': ref.deliveryId,
        }));
        if (status >= 200 && status < 300) {
          // The last error stays: it tells why earlier attempts failed.
          await record(ref.deliveryId, { status: 'delivered', attempts, lastAttemptAt: at, lastStatusCode: status, deliveredAt: at });
          return 'delivered';
        }
        problem = `the receiver answered HTTP ${status}`;
      } catch (error) {
        problem = (error as Error).message;
      }
      await record(ref.deliveryId, { status: 'retrying', attempts, lastAttemptAt: at, lastStatusCode: status, lastError: problem });
      logger.warn({ deliveryId: ref.deliveryId, webhookId: String(webhook._id), attempt: attempts, statusCode: status, problem }, 'webhook delivery failed');
      if (status !== null && isPermanentRefusal(status)) throw ApplicationFailure.nonRetryable(problem, WEBHOOK_REFUSED);
      throw ApplicationFailure.retryable(problem, WEBHOOK_FAILED);
    },

    /** After the last attempt (or a refusal): the delivery is given up, with why. */
    async recordDeliveryFailed(ref: DeliveryRef & { error: string }): Promise<void> {
      await record(ref.deliveryId, { status: 'failed', lastError: ref.error });
    },
  };
}

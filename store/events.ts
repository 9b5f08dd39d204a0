// Publishing an event: recorded once under its deterministic id, then handed to its delivery
// workflow (started once per event id). Called from activities, where each event happens, and
// from the API; each passes its own way of starting the delivery workflow.
import type { EventData, EventType } from '../domain/events.js';
import { isDuplicateKey } from './keys.js';
import type { Models } from './models/index.js';

/** Starts the delivery workflow of an event; starting one that exists already is not an error. */
export type StartDelivery = (eventId: string) => Promise<void>;

export interface PublishedEvent {
  /** Deterministic: the same happening gets the same id however often its activity runs. */
  id: string;
  type: EventType;
  time: Date;
  data: EventData;
}

/** Webhooks that want this type of event. The collection holds a handful of records. */
export async function subscribersOf(models: Models, type: EventType) {
  return models.Webhook.find({ active: true, events: type }).lean();
}

/**
 * Records the event and starts its delivery; does nothing when no active webhook wants it, so an
 * installation without webhooks pays one small read. Returns whether it was published.
 */
export async function publishEvent(models: Models, startDelivery: StartDelivery, event: PublishedEvent): Promise<boolean> {
  if ((await subscribersOf(models, event.type)).length === 0) return false;
  try {
    await models.Event.create({ _id: event.id, type: event.type, time: event.time, initiativeId: event.data.initiativeId, data: event.data });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  // Also after a duplicate: the run that inserted it may have stopped before starting delivery.
  await startDelivery(event.id);
  return true;
}

// Events the API publishes itself (an initiative submitted), through the same path as the
// activities: recorded once, then delivered by a workflow per event.
import type { EventData } from '../domain/events.js';
import { consoleUrl } from '../domain/links.js';
import { logger } from '../logging/logger.js';
import { publishEvent, type PublishedEvent } from '../store/events.js';
import type { AppContext } from './context.js';

/**
 * Publishes an event after the change it tells of was made. The change stands whatever happens
 * here, so a failure is logged instead of failing the request.
 */
export async function publishFromApi(context: AppContext, event: PublishedEvent): Promise<void> {
  try {
    await publishEvent(context.db.models, (eventId) => context.workflows.startEventDelivery(eventId), event);
  } catch (error) {
    logger.error({ err: error, eventId: event.id, initiativeId: event.data.initiativeId }, 'could not publish an event');
  }
}

/** `submission` counts the initiative's submissions (1 for the first), so a resubmission is an event of its own. */
export async function publishInitiativeSubmitted(
  context: AppContext,
  initiative: { id: string; title: string },
  by: { actorId: string | null; channel: string },
  submission = 1,
): Promise<void> {
  const actor = by.actorId ? await context.db.models.Person.findById(by.actorId, { name: 1 }).lean() : null;
  const data: EventData = {
    initiativeId: initiative.id,
    initiativeTitle: initiative.title,
    actorId: by.actorId,
    actorName: actor?.name ?? null,
    channel: by.channel,
    url: consoleUrl(context.config.publicUrl, 'initiatives', initiative.id),
  };
  await publishFromApi(context, { id: `${initiative.id}:submitted:${submission}:event`, type: 'initiative.submitted', time: new Date(), data });
}

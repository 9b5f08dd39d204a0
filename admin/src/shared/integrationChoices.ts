// Choices for webhooks and their deliveries: ids from domain/events.ts, names under `app.enums`.
import { DELIVERY_STATUSES, EVENT_TYPES, WEBHOOK_FORMATS } from '@domain/events';

const choicesOf = (group: string, ids: readonly string[]) => ids.map(id => ({ id, name: `app.enums.${group}.${id}` }));

export const eventTypeChoices = choicesOf('eventType', EVENT_TYPES);
export const webhookFormatChoices = choicesOf('webhookFormat', WEBHOOK_FORMATS);
export const deliveryStatusChoices = choicesOf('deliveryStatus', DELIVERY_STATUSES);

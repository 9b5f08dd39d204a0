// Webhooks administrators register, the events published to them and one delivery record per
// event and webhook. Events and deliveries are keyed by `_id` (the only lookup FerretDB pushes
// down to SQLite) with deterministic ids, so a retried activity writes each once.
import { Schema } from 'mongoose';
import { DELIVERY_STATUSES, EVENT_TYPES, WEBHOOK_FORMATS } from '../../domain/events.js';
import { optionalDate, optionalNumber, optionalString, requiredDate, requiredOneOf, requiredString } from './fields.js';
import { contractShape } from './plugin.js';

export const webhookSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 200 },
    url: { type: String, required: true, maxlength: 2000 },
    format: requiredOneOf(WEBHOOK_FORMATS),
    events: { type: [{ type: String, enum: EVENT_TYPES }], default: [] },
    // Write-only: signs the body; the contract shape never answers it (plugin.ts).
    secret: requiredString(),
    active: { type: Boolean, default: true },
  },
  { timestamps: true },
);
webhookSchema.plugin(contractShape);

export const eventSchema = new Schema(
  {
    _id: { type: String, required: true },
    type: requiredOneOf(EVENT_TYPES),
    time: requiredDate(),
    initiativeId: optionalString(),
    data: { type: Schema.Types.Mixed, required: true },
    // A test an administrator sent: delivered to this webhook only.
    onlyWebhookId: optionalString(),
  },
  { timestamps: true },
);
eventSchema.index({ time: -1 });
eventSchema.plugin(contractShape);

export const deliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    eventId: requiredString(),
    eventType: requiredOneOf(EVENT_TYPES),
    webhookId: requiredString(),
    initiativeId: optionalString(),
    test: { type: Boolean, default: false },
    status: { type: String, enum: DELIVERY_STATUSES, default: 'pending' },
    attempts: { type: Number, default: 0 },
    lastAttemptAt: optionalDate(),
    lastStatusCode: optionalNumber(),
    lastError: optionalString(),
    deliveredAt: optionalDate(),
  },
  { timestamps: true },
);
deliverySchema.index({ webhookId: 1, createdAt: -1 });
deliverySchema.index({ createdAt: -1 });
deliverySchema.plugin(contractShape);

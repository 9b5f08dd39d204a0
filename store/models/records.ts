// What happened: decisions, emails and the audit trail. Written once, never edited by users.
import { Schema } from 'mongoose';
import { CHANNELS, DECISIONS, EMAIL_KINDS, EMAIL_STATUSES, GATES } from '../../domain/types.js';
import { optionalDate, optionalString, requiredDate, requiredNumber, requiredOneOf, requiredString, stringList } from './fields.js';
import { contractShape } from './plugin.js';

export const decisionSchema = new Schema(
  {
    initiativeId: requiredString(),
    gate: requiredOneOf(GATES),
    round: requiredNumber(),
    step: { type: String, default: 'decision' },
    decision: requiredOneOf(DECISIONS),
    comment: { type: String, default: '' },
    conditions: stringList(),
    byId: optionalString(),
    // A board member records the board's decision on its behalf; a deputy acts for someone away.
    onBehalfOf: optionalString(),
    deputyFor: optionalString(),
    until: optionalDate(),
    channel: requiredOneOf(CHANNELS),
    at: requiredDate(),
    key: requiredString(),
  },
  { timestamps: true },
);
// One decision per gate round and step, however often an activity is retried.
decisionSchema.index({ key: 1 }, { unique: true });
decisionSchema.index({ initiativeId: 1, at: 1 });
decisionSchema.plugin(contractShape);

export const emailSchema = new Schema(
  {
    idempotencyKey: requiredString(),
    to: requiredString(),
    toId: optionalString(),
    // The person a deputy received it for, in copy.
    ccId: optionalString(),
    kind: requiredOneOf(EMAIL_KINDS),
    subject: requiredString(),
    initiativeId: optionalString(),
    gate: optionalString(),
    status: { type: String, enum: EMAIL_STATUSES, default: 'pending' },
    attempts: { type: Number, default: 0 },
    sendingAt: optionalDate(),
    lastError: optionalString(),
    messageId: optionalString(),
    sentAt: optionalDate(),
  },
  { timestamps: true },
);
emailSchema.index({ idempotencyKey: 1 }, { unique: true });
emailSchema.index({ initiativeId: 1, createdAt: 1 });
emailSchema.plugin(contractShape);

export const auditSchema = new Schema(
  {
    actorId: optionalString(),
    action: requiredString(),
    initiativeId: optionalString(),
    channel: { type: String, enum: [...CHANNELS, 'system'], required: true },
    at: requiredDate(),
    details: { type: Schema.Types.Mixed, default: {} },
    // Activities pass a deterministic key so a retry cannot write the entry twice.
    key: requiredString(),
  },
  { timestamps: false },
);
auditSchema.index({ initiativeId: 1, at: 1 });
auditSchema.index({ key: 1 }, { unique: true });
auditSchema.plugin(contractShape);

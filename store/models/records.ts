// What happened: decisions, emails and the audit trail. Written once, never edited by users.
import { Schema } from 'mongoose';
import { CHANNELS, DECISIONS, EMAIL_KINDS, GATES } from '../../domain/types.js';
import { contractShape } from './plugin.js';

export const decisionSchema = new Schema(
  {
    initiativeId: { type: String, required: true },
    gate: { type: String, enum: GATES, required: true },
    round: { type: Number, required: true },
    step: { type: String, default: 'decision' },
    decision: { type: String, enum: DECISIONS, required: true },
    comment: { type: String, default: '' },
    conditions: { type: [String], default: [] },
    byId: { type: String, default: null },
    channel: { type: String, enum: CHANNELS, required: true },
    at: { type: Date, required: true },
    key: { type: String, required: true },
  },
  { timestamps: true },
);
// One decision per gate round and step, however often an activity is retried.
decisionSchema.index({ key: 1 }, { unique: true });
decisionSchema.index({ initiativeId: 1, at: 1 });
decisionSchema.plugin(contractShape);

export const emailSchema = new Schema(
  {
    idempotencyKey: { type: String, required: true },
    to: { type: String, required: true },
    toId: { type: String, default: null },
    kind: { type: String, enum: EMAIL_KINDS, required: true },
    subject: { type: String, required: true },
    initiativeId: { type: String, default: null },
    gate: { type: String, default: null },
    status: { type: String, enum: ['pending', 'sending', 'sent', 'failed'], default: 'pending' },
    attempts: { type: Number, default: 0 },
    sendingAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    messageId: { type: String, default: null },
    sentAt: { type: Date, default: null },
  },
  { timestamps: true },
);
emailSchema.index({ idempotencyKey: 1 }, { unique: true });
emailSchema.index({ initiativeId: 1, createdAt: 1 });
emailSchema.plugin(contractShape);

export const auditSchema = new Schema(
  {
    actorId: { type: String, default: null },
    action: { type: String, required: true },
    initiativeId: { type: String, default: null },
    channel: { type: String, enum: [...CHANNELS, 'system'], required: true },
    at: { type: Date, required: true },
    details: { type: Schema.Types.Mixed, default: {} },
    // Activities pass a deterministic key so a retry cannot write the entry twice.
    key: { type: String, required: true },
  },
  { timestamps: false },
);
auditSchema.index({ initiativeId: 1, at: 1 });
auditSchema.index({ key: 1 }, { unique: true });
auditSchema.plugin(contractShape);

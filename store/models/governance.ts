// How decisions are made and followed up: boards, gate checklists, conditions on approvals, plan
// changes to an accepted benefit plan, benefit reviews, and the voices of change agents
// (readiness) and enthusiasts (comments). Conditions and reviews are created by the workflow with
// ids derived from their keys; readiness and comments are inserts, never edited.
import { Schema } from 'mongoose';
import { CHANNELS, CONDITION_STATES, GATES, PLAN_CHANGE_STATES, READINESS_STATES, REVIEW_DECISIONS, REVIEW_STATES } from '../../domain/types.js';
import { optionalDate, optionalString, requiredDate, requiredOneOf, requiredString, stringList } from './fields.js';
import { contractShape } from './plugin.js';

const withShape = <T extends Schema>(schema: T) => {
  schema.plugin(contractShape);
  return schema;
};

export const boardSchema = withShape(
  new Schema({ name: { type: String, required: true, trim: true, maxlength: 200 }, chairId: optionalString(), memberIds: stringList() }, { timestamps: true }),
);

// _id is the gate, as for policies.
export const checklistSchema = withShape(
  new Schema(
    {
      _id: requiredString(),
      items: { type: [new Schema({ key: requiredString(), text: requiredString(), mandatory: { type: Boolean, default: false } }, { _id: false })], default: [] },
    },
    { timestamps: true },
  ),
);

export const conditionSchema = new Schema(
  {
    _id: requiredString(),
    initiativeId: requiredString(),
    gate: requiredOneOf(GATES),
    text: requiredString(),
    ownerId: requiredString(),
    dueAt: requiredDate(),
    status: { type: String, enum: CONDITION_STATES, default: 'open' },
    closedById: optionalString(),
    closedAt: optionalDate(),
    note: { type: String, default: '' },
  },
  { timestamps: true },
);
conditionSchema.index({ initiativeId: 1 });
withShape(conditionSchema);

export const planChangeSchema = new Schema(
  {
    initiativeId: requiredString(),
    benefitId: requiredString(),
    operation: { type: String, enum: ['create', 'update', 'delete'], default: 'update' },
    changes: { type: Schema.Types.Mixed, default: {} },
    reason: { type: String, default: '' },
    requestedById: optionalString(),
    status: { type: String, enum: PLAN_CHANGE_STATES, default: 'pending' },
    decidedById: optionalString(),
    channel: { type: String, enum: [...CHANNELS, null], default: null },
    comment: { type: String, default: '' },
    at: optionalDate(),
    // The benefit version an accepted change becomes (fixed before it is applied, so a retry applies the same).
    appliedVersion: { type: Number, default: null },
  },
  { timestamps: true },
);
// A removal changes nothing field by field: its empty `changes` is kept, not dropped.
planChangeSchema.set('minimize', false);
planChangeSchema.index({ initiativeId: 1 });
planChangeSchema.index({ benefitId: 1 });
withShape(planChangeSchema);

export const reviewSchema = new Schema(
  {
    _id: requiredString(),
    initiativeId: requiredString(),
    dueAt: requiredDate(),
    status: { type: String, enum: REVIEW_STATES, default: 'open' },
    decision: { type: String, enum: [...REVIEW_DECISIONS, null], default: null },
    note: { type: String, default: '' },
    target: { type: Number, default: null },
    byId: optionalString(),
    channel: { type: String, enum: [...CHANNELS, null], default: null },
    at: optionalDate(),
  },
  { timestamps: true },
);
reviewSchema.index({ initiativeId: 1 });
withShape(reviewSchema);

export const commentSchema = new Schema(
  {
    initiativeId: requiredString(),
    gate: requiredOneOf(GATES),
    text: { type: String, required: true, maxlength: 4000 },
    authorId: optionalString(),
    channel: requiredOneOf(CHANNELS),
    at: requiredDate(),
  },
  { timestamps: true },
);
commentSchema.index({ initiativeId: 1, at: 1 });
withShape(commentSchema);

export const readinessSchema = new Schema(
  {
    initiativeId: requiredString(),
    unit: { type: String, required: true, trim: true, maxlength: 200 },
    status: requiredOneOf(READINESS_STATES),
    note: { type: String, default: '' },
    personId: optionalString(),
    channel: requiredOneOf(CHANNELS),
    at: requiredDate(),
  },
  { timestamps: true },
);
readinessSchema.index({ initiativeId: 1, at: 1 });
withShape(readinessSchema);

// Strategic goals, services and the initiatives that change them, with the initiative's read model.
import { Schema } from 'mongoose';
import { BENEFIT_OUTCOMES, GATES, KINDS, STATUSES } from '../../domain/types.js';
import { optionalDate, optionalNumber, optionalString, requiredString, stringList } from './fields.js';
import { contractShape } from './plugin.js';

export const goalSchema = new Schema(
  {
    code: { type: String, required: true, trim: true, maxlength: 40 },
    title: { type: String, required: true, trim: true, maxlength: 300 },
    description: { type: String, default: '', maxlength: 5000 },
    weight: { type: Number, required: true, min: 1, max: 5 },
    active: { type: Boolean, default: true },
    // Where the goal comes from (e.g. the master plan's social element) and the years it covers.
    plan: { type: String, default: '', maxlength: 200 },
    periodFrom: optionalNumber(),
    periodTo: optionalNumber(),
    parentId: optionalString(),
    ownerId: optionalString(),
  },
  { timestamps: true },
);
goalSchema.index({ code: 1 }, { unique: true });
goalSchema.index({ parentId: 1 });
goalSchema.plugin(contractShape);

export const serviceSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 200 },
    description: { type: String, default: '', maxlength: 5000 },
    ownerId: requiredString(),
  },
  { timestamps: true },
);
serviceSchema.index({ ownerId: 1 });
serviceSchema.plugin(contractShape);

const goalLinkSchema = new Schema(
  {
    goalId: requiredString(),
    contribution: { type: Number, required: true, min: 1, max: 3 },
    rationale: { type: String, required: true, trim: true, minlength: 1, maxlength: 2000 },
  },
  { _id: false },
);

export const initiativeSchema = new Schema(
  {
    title: { type: String, required: true, trim: true, maxlength: 300 },
    description: { type: String, default: '', maxlength: 10000 },
    kind: { type: String, enum: KINDS, default: 'project' },
    serviceId: requiredString(),
    projectManagerId: requiredString(),
    serviceOwnerId: requiredString(),
    governanceId: requiredString(),
    goalLinks: { type: [goalLinkSchema], default: [] },
    goalIds: stringList(),
    changeAgentIds: stringList(),
    enthusiastIds: stringList(),
    // Read model, written by activities at every transition of the workflow.
    gate: { type: String, enum: GATES, default: 'goal-alignment' },
    gateStep: { type: String, enum: ['decision', 'confirmation'], default: 'decision' },
    status: { type: String, enum: STATUSES, default: 'active' },
    stalled: { type: Boolean, default: false },
    escalationLevel: { type: Number, default: 0 },
    gateEnteredAt: optionalDate(),
    gateDueAt: optionalDate(),
    waitingOnId: optionalString(),
    progressPercent: optionalNumber(),
    lastProgressAt: optionalDate(),
    priorityScore: { type: Number, default: 0 },
    workflowId: optionalString(),
    benefitOutcome: { type: String, enum: [...BENEFIT_OUTCOMES, null], default: null },
    completedAt: optionalDate(),
    // Why the workflow cannot go on until someone corrects a policy or plan (null when it can).
    problem: optionalString(),
  },
  { timestamps: true },
);
initiativeSchema.index({ gate: 1, priorityScore: -1 });
initiativeSchema.index({ stalled: 1, priorityScore: -1 });
initiativeSchema.index({ goalIds: 1, priorityScore: -1 });
initiativeSchema.index({ status: 1, priorityScore: -1 });
initiativeSchema.index({ priorityScore: -1 });
initiativeSchema.index({ serviceOwnerId: 1 });
initiativeSchema.index({ projectManagerId: 1 });
initiativeSchema.plugin(contractShape);

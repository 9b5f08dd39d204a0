// Strategic goals, services and the initiatives that change them, with the initiative's read model.
import { Schema } from 'mongoose';
import { BENEFIT_OUTCOMES, CHECKLIST_STATES, DPIA_STATES, GATES, GATE_STEPS, KINDS, RISK_LEVELS, STATUSES } from '../../domain/types.js';
import { optionalDate, optionalNumber, optionalString, requiredNumber, requiredOneOf, requiredString, stringList } from './fields.js';
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

const checklistEntrySchema = new Schema(
  {
    gate: requiredOneOf(GATES),
    key: requiredString(),
    status: requiredOneOf(CHECKLIST_STATES),
    comment: optionalString(),
    byId: optionalString(),
    at: optionalDate(),
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
    // Governance is a person, a board (steering group, portfolio board), or both.
    governanceId: optionalString(),
    boardId: optionalString(),
    goalLinks: { type: [goalLinkSchema], default: [] },
    goalIds: stringList(),
    changeAgentIds: stringList(),
    enthusiastIds: stringList(),
    // The initiative's benefits, so they are found by id (written with them, by the workflow).
    benefitIds: stringList(),
    // The decision basis (beslutningsunderlag) the project manager prepares.
    problem: { type: String, default: '', maxlength: 10000 },
    costEstimate: { investment: optionalNumber(), yearlyRunning: optionalNumber() },
    risk: { level: { type: String, enum: [...RISK_LEVELS, null], default: null }, description: { type: String, default: '' } },
    alternatives: { type: String, default: '', maxlength: 10000 },
    dpia: { type: String, enum: [...DPIA_STATES, null], default: null },
    documents: { type: [new Schema({ title: requiredString(), url: requiredString() }, { _id: false })], default: [] },
    // Read model, written by activities at every transition of the workflow.
    gate: { type: String, enum: GATES, default: 'goal-alignment' },
    gateStep: { type: String, enum: GATE_STEPS, default: 'decision' },
    status: { type: String, enum: STATUSES, default: 'active' },
    stalled: { type: Boolean, default: false },
    escalationLevel: { type: Number, default: 0 },
    gateEnteredAt: optionalDate(),
    gateDueAt: optionalDate(),
    waitingOnId: optionalString(),
    // Everyone the step waits for (a board's members; deputies act for the absent).
    waitingOnIds: stringList(),
    holdUntil: optionalDate(),
    checklist: { type: [checklistEntrySchema], default: [] },
    submittedAt: optionalDate(),
    // What the project manager said when submitting: shown to the decider of that gate round only.
    submitNote: { type: new Schema({ text: { type: String, default: '' }, gate: requiredOneOf(GATES), round: requiredNumber() }, { _id: false }), default: null },
    progressPercent: optionalNumber(),
    lastProgressAt: optionalDate(),
    priorityScore: { type: Number, default: 0 },
    workflowId: optionalString(),
    benefitOutcome: { type: String, enum: [...BENEFIT_OUTCOMES, null], default: null },
    completedAt: optionalDate(),
    // Why the workflow cannot go on until someone corrects a policy or plan (null when it can).
    blockedReason: optionalString(),
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

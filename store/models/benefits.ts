// Benefit plans (gevinstplaner, "nytte" in Prosjektveiviseren 2026) and their measurements.
import { Schema } from 'mongoose';
import { BANDS, BENEFIT_CATEGORIES, DIRECTIONS } from '../../domain/types.js';
import { contractShape } from './plugin.js';

export const benefitSchema = new Schema(
  {
    initiativeId: { type: String, required: true },
    title: { type: String, required: true, trim: true, maxlength: 300 },
    category: { type: String, enum: BENEFIT_CATEGORIES, required: true },
    indicator: { type: String, required: true, trim: true, maxlength: 300 },
    unit: { type: String, required: true, trim: true, maxlength: 60 },
    dataSource: { type: String, default: '', maxlength: 300 },
    baseline: { type: Number, required: true },
    baselineDate: { type: Date, required: true },
    target: { type: Number, required: true },
    direction: { type: String, enum: DIRECTIONS, required: true },
    measureEvery: { type: String, required: true },
    followUpUntil: { type: Date, required: true },
    ownerId: { type: String, required: true },
    // Read model.
    latestValue: { type: Number, default: null },
    latestMeasuredAt: { type: Date, default: null },
    achievement: { type: Number, default: null },
    band: { type: String, enum: [...BANDS, null], default: null },
    onTrack: { type: Boolean, default: null },
    realised: { type: Boolean, default: false },
    nextMeasurementDue: { type: Date, default: null },
    followUpStartedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
benefitSchema.index({ initiativeId: 1 });
benefitSchema.index({ ownerId: 1 });
benefitSchema.plugin(contractShape);

export const measurementSchema = new Schema(
  {
    benefitId: { type: String, required: true },
    initiativeId: { type: String, required: true },
    value: { type: Number, required: true },
    measuredAt: { type: Date, required: true },
    note: { type: String, default: '', maxlength: 2000 },
    reportedById: { type: String, default: null },
    channel: { type: String, enum: ['email', 'console', 'api'], required: true },
    requestKey: { type: String, default: null },
  },
  { timestamps: true },
);
measurementSchema.index({ benefitId: 1, measuredAt: 1 });
measurementSchema.plugin(contractShape);

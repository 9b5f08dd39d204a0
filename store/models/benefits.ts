// Benefit plans (gevinstplaner, "nytte" in Prosjektveiviseren 2026) and their measurements.
import { Schema } from 'mongoose';
import { BANDS, BENEFIT_CATEGORIES, DIRECTIONS, HARVEST_KINDS } from '../../domain/types.js';
import { optionalDate, optionalNumber, optionalString, requiredDate, requiredNumber, requiredOneOf, requiredString } from './fields.js';
import { contractShape } from './plugin.js';

export const benefitSchema = new Schema(
  {
    initiativeId: requiredString(),
    title: { type: String, required: true, trim: true, maxlength: 300 },
    category: requiredOneOf(BENEFIT_CATEGORIES),
    indicator: { type: String, required: true, trim: true, maxlength: 300 },
    unit: { type: String, required: true, trim: true, maxlength: 60 },
    dataSource: { type: String, default: '', maxlength: 300 },
    baseline: requiredNumber(),
    baselineDate: requiredDate(),
    target: requiredNumber(),
    direction: requiredOneOf(DIRECTIONS),
    measureEvery: requiredString(),
    followUpUntil: requiredDate(),
    ownerId: requiredString(),
    // What the benefit is worth a year when fully realised, in NOK (hours saved × an hourly rate is enough).
    valuePerYear: optionalNumber(),
    // The plan as the service owner accepted it at sign-off (version 1) and at each accepted change.
    version: { type: Number, default: 1 },
    acceptedVersion: optionalNumber(),
    acceptedAt: optionalDate(),
    versions: { type: [Schema.Types.Mixed], default: [] },
    // Taken out of the plan by an accepted change; its measurements are kept.
    withdrawn: { type: Boolean, default: false },
    // How the realised benefit was taken out (DFØ), recorded by its owner.
    harvest: {
      type: new Schema({ how: requiredOneOf(HARVEST_KINDS), note: { type: String, default: '' }, byId: optionalString(), at: optionalDate() }, { _id: false }),
      default: null,
    },
    // Consecutive measurements at or past the target (realised when the policy's number is reached).
    targetStreak: { type: Number, default: 0 },
    // The newest measurements, newest first, kept here so an evaluation needs no search.
    recentMeasurements: { type: [new Schema({ id: requiredString(), value: requiredNumber(), measuredAt: requiredDate() }, { _id: false })], default: undefined },
    // Read model.
    latestValue: optionalNumber(),
    latestMeasuredAt: optionalDate(),
    achievement: optionalNumber(),
    realisedValuePerYear: optionalNumber(),
    band: { type: String, enum: [...BANDS, null], default: null },
    onTrack: { type: Boolean, default: null },
    realised: { type: Boolean, default: false },
    nextMeasurementDue: optionalDate(),
    followUpStartedAt: optionalDate(),
  },
  { timestamps: true },
);
benefitSchema.index({ initiativeId: 1 });
benefitSchema.index({ ownerId: 1 });
benefitSchema.plugin(contractShape);

export const measurementSchema = new Schema(
  {
    benefitId: requiredString(),
    initiativeId: requiredString(),
    value: requiredNumber(),
    measuredAt: requiredDate(),
    note: { type: String, default: '', maxlength: 2000 },
    reportedById: optionalString(),
    channel: { type: String, enum: ['email', 'console', 'api'], required: true },
    requestKey: optionalString(),
  },
  { timestamps: true },
);
measurementSchema.index({ benefitId: 1, measuredAt: 1 });
measurementSchema.plugin(contractShape);

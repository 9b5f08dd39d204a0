import { Schema } from 'mongoose';
import { CALENDARS } from '../../domain/types.js';
import { optionalNumber, optionalString, requiredOneOf, requiredString } from './fields.js';
import { contractShape } from './plugin.js';

// _id is the gate name, so `GET /api/policies/owner-signoff` reads naturally.
export const policySchema = new Schema(
  {
    _id: requiredString(),
    remindAfter: requiredString(),
    escalateAfter: requiredString(),
    stalledAfter: requiredString(),
    calendar: requiredOneOf(CALENDARS),
    reportEvery: optionalString(),
    offTrackTolerance: { type: Number, default: 0.1 },
    // Benefit realisation: how often governance reviews the benefits, and how many consecutive
    // measurements at the target make a benefit realised.
    reviewEvery: optionalString(),
    sustainedMeasurements: optionalNumber(),
  },
  { timestamps: true },
);
policySchema.plugin(contractShape);

import { Schema } from 'mongoose';
import { CALENDARS } from '../../domain/types.js';
import { optionalString, requiredOneOf, requiredString } from './fields.js';
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
  },
  { timestamps: true },
);
policySchema.plugin(contractShape);

import { Schema } from 'mongoose';
import { CALENDARS } from '../../domain/types.js';
import { contractShape } from './plugin.js';

// _id is the gate name, so `GET /api/policies/owner-signoff` reads naturally.
export const policySchema = new Schema(
  {
    _id: { type: String, required: true },
    remindAfter: { type: String, required: true },
    escalateAfter: { type: String, required: true },
    stalledAfter: { type: String, required: true },
    calendar: { type: String, enum: CALENDARS, required: true },
    reportEvery: { type: String, default: null },
    offTrackTolerance: { type: Number, default: 0.1 },
  },
  { timestamps: true },
);
policySchema.plugin(contractShape);

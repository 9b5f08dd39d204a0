// People and their roles. Only the password's argon2id hash is stored.
import { Schema } from 'mongoose';
import { ROLES } from '../../domain/types.js';
import { optionalString, requiredDate, requiredString } from './fields.js';
import { contractShape } from './plugin.js';

export const personSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 200 },
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 320 },
    roles: { type: [{ type: String, enum: ROLES }], default: [] },
    managerId: optionalString(),
    unit: { type: String, default: '', maxlength: 200 },
    locale: { type: String, enum: ['nb', 'en'], default: 'nb' },
    passwordHash: optionalString(),
    // Deactivated people keep their history but can no longer log in.
    active: { type: Boolean, default: true },
    // While away, requests, reminders and escalations for the person go to their deputy.
    absences: { type: [new Schema({ from: requiredDate(), to: requiredDate(), deputyId: requiredString() }, { _id: false })], default: [] },
  },
  { timestamps: true },
);
personSchema.index({ email: 1 }, { unique: true });
personSchema.index({ roles: 1 });
personSchema.plugin(contractShape);

// Request bodies per resource. Strict: unknown and read-only fields are refused with a 400.
// No field has a zod default: a PUT validates with `.partial()`, and a default there would write
// a value the client never sent (the database's own defaults apply on create).
import { isValidObjectId } from 'mongoose';
import { z } from 'zod';
import { isValidDuration } from '../../domain/calendar.js';
import { BENEFIT_CATEGORIES, CALENDARS, DIRECTIONS, KINDS, ROLES } from '../../domain/types.js';

export const objectId = z.string().refine((v) => isValidObjectId(v) && /^[0-9a-f]{24}$/i.test(v), 'must be an id');
const text = (max: number) => z.string().trim().max(max);
const duration = z.string().refine(isValidDuration, 'must be an ISO-8601 duration such as P3D or PT5S');
const date = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), 'must be a date');

export const personBody = z.strictObject({
  name: text(200).min(1, 'is required'),
  email: z.email().max(320),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
  managerId: objectId.nullable().optional(),
  unit: text(200).optional(),
  locale: z.enum(['nb', 'en']).optional(),
  password: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
});

export const goalBody = z.strictObject({
  code: text(40).min(1, 'is required'),
  title: text(300).min(1, 'is required'),
  description: text(5000).optional(),
  weight: z.number().int().min(1).max(5),
  active: z.boolean().optional(),
});

export const serviceBody = z.strictObject({
  name: text(200).min(1, 'is required'),
  description: text(5000).optional(),
  ownerId: objectId,
});

export const goalLink = z.strictObject({
  goalId: objectId,
  contribution: z.number().int().min(1).max(3),
  rationale: text(2000).min(1, 'explain how the initiative contributes to the goal'),
});

export const initiativeBody = z.strictObject({
  title: text(300).min(1, 'is required'),
  description: text(10000).optional(),
  kind: z.enum(KINDS).optional(),
  serviceId: objectId,
  projectManagerId: objectId,
  serviceOwnerId: objectId.optional(),
  governanceId: objectId,
  goalLinks: z.array(goalLink).max(20).optional(),
  changeAgentIds: z.array(objectId).max(50).optional(),
  enthusiastIds: z.array(objectId).max(50).optional(),
});

export const benefitBody = z
  .strictObject({
    initiativeId: objectId,
    title: text(300).min(1, 'is required'),
    category: z.enum(BENEFIT_CATEGORIES),
    indicator: text(300).min(1, 'is required'),
    unit: text(60).min(1, 'is required'),
    dataSource: text(300).optional(),
    baseline: z.number().finite(),
    baselineDate: date,
    target: z.number().finite(),
    direction: z.enum(DIRECTIONS),
    measureEvery: duration,
    followUpUntil: date,
    ownerId: objectId.optional(),
  });

export const policyBody = z.strictObject({
  remindAfter: duration,
  escalateAfter: duration,
  stalledAfter: duration,
  calendar: z.enum(CALENDARS),
  reportEvery: duration.nullable().optional(),
  offTrackTolerance: z.number().min(0).max(1).optional(),
});

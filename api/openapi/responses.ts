// What the API answers, as zod schemas for the OpenAPI document. Requests are described by the
// very schemas that validate them (api/schemas.ts); answers are described here. Records are
// loose objects: a field added later does not make an answer invalid, but every field named here
// has the type written here.
import { z } from 'zod';
import { DELIVERY_STATUSES, EVENT_TYPES, WEBHOOK_FORMATS } from '../../domain/events.js';
import { BANDS, BENEFIT_CATEGORIES, BENEFIT_OUTCOMES, CALENDARS, CHANNELS, DECISIONS, DIRECTIONS, EMAIL_KINDS, EMAIL_STATUSES, GATES, GATE_STEPS, KINDS, LOCALES, ROLES, STATUSES } from '../../domain/types.js';
import { goalLink } from '../schemas.js';

const id = z.string().meta({ description: 'The record id' });
const when = z.iso.datetime();
const maybe = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const stamps = { createdAt: when.optional(), updatedAt: when.optional() };

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine-readable code, e.g. invalid, unauthenticated, forbidden, not-found, wrong-state, precondition-failed' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().meta({ description: 'Per field (dotted path): what is wrong' }),
    }),
  })
  .meta({ id: 'Error' });

export const person = z
  .looseObject({
    id,
    name: z.string(),
    email: z.string().optional(),
    roles: z.array(z.enum(ROLES)).optional(),
    managerId: maybe(z.string()),
    unit: maybe(z.string()),
    locale: z.enum(LOCALES).optional(),
    active: z.boolean().optional(),
    localLogin: z.boolean().optional().meta({ description: 'Whether the person has a local password (the password itself is never answered)' }),
    ...stamps,
  })
  .meta({ id: 'Person', description: 'Everyone but administrators sees only id, name and unit of other people' });

export const goal = z.looseObject({ id, code: z.string(), title: z.string(), description: z.string().optional(), weight: z.number(), active: z.boolean(), ...stamps }).meta({ id: 'Goal' });

export const service = z.looseObject({ id, name: z.string(), description: z.string().optional(), ownerId: z.string(), ...stamps }).meta({ id: 'Service' });

export const initiative = z
  .looseObject({
    id,
    title: z.string(),
    description: z.string().optional(),
    kind: z.enum(KINDS),
    serviceId: z.string(),
    projectManagerId: z.string(),
    serviceOwnerId: z.string(),
    governanceId: z.string(),
    goalLinks: z.array(goalLink),
    goalIds: z.array(z.string()).optional(),
    changeAgentIds: z.array(z.string()),
    enthusiastIds: z.array(z.string()),
    gate: z.enum(GATES),
    gateStep: maybe(z.enum(GATE_STEPS)),
    status: z.string().meta({ description: `One of ${STATUSES.join(', ')} (and draft once drafts exist)` }),
    stalled: z.boolean(),
    escalationLevel: z.number().int().min(0).max(3),
    gateEnteredAt: maybe(when),
    gateDueAt: maybe(when),
    waitingOnId: maybe(z.string()),
    progressPercent: maybe(z.number()),
    lastProgressAt: maybe(when),
    priorityScore: z.number(),
    workflowId: maybe(z.string()),
    benefitOutcome: maybe(z.enum(BENEFIT_OUTCOMES)),
    completedAt: maybe(when),
    problem: maybe(z.string()),
    ...stamps,
  })
  .meta({ id: 'Initiative' });

export const benefit = z
  .looseObject({
    id,
    initiativeId: z.string(),
    title: z.string(),
    category: z.enum(BENEFIT_CATEGORIES),
    indicator: z.string(),
    unit: z.string(),
    dataSource: z.string().optional(),
    baseline: z.number(),
    baselineDate: when,
    target: z.number(),
    direction: z.enum(DIRECTIONS),
    measureEvery: z.string(),
    followUpUntil: when,
    ownerId: z.string(),
    valuePerYear: maybe(z.number()),
    latestValue: maybe(z.number()),
    latestMeasuredAt: maybe(when),
    achievement: maybe(z.number()),
    realisedValuePerYear: maybe(z.number()),
    band: maybe(z.enum(BANDS)),
    onTrack: maybe(z.boolean()),
    realised: z.boolean().optional(),
    nextMeasurementDue: maybe(when),
    followUpStartedAt: maybe(when),
    ...stamps,
  })
  .meta({ id: 'Benefit' });

export const measurement = z
  .looseObject({ id, benefitId: z.string(), initiativeId: z.string(), value: z.number(), measuredAt: when, note: z.string().optional(), reportedById: maybe(z.string()), channel: z.enum(CHANNELS), ...stamps })
  .meta({ id: 'Measurement' });

export const decision = z
  .looseObject({
    id,
    initiativeId: z.string(),
    gate: z.enum(GATES),
    round: z.number().int(),
    step: z.string().optional(),
    decision: z.enum(DECISIONS),
    comment: z.string().optional(),
    conditions: z.array(z.unknown()).optional(),
    byId: maybe(z.string()),
    channel: z.enum(CHANNELS),
    at: when,
    ...stamps,
  })
  .meta({ id: 'Decision' });

export const email = z
  .looseObject({ id, to: z.string(), toId: maybe(z.string()), kind: z.enum(EMAIL_KINDS), subject: z.string(), initiativeId: maybe(z.string()), status: z.enum(EMAIL_STATUSES), sentAt: maybe(when), ...stamps })
  .meta({ id: 'Email' });

export const auditEntry = z
  .looseObject({ id, actorId: maybe(z.string()), action: z.string(), initiativeId: maybe(z.string()), channel: z.enum([...CHANNELS, 'system']), at: when, details: z.record(z.string(), z.unknown()).optional() })
  .meta({ id: 'AuditEntry' });

export const policy = z
  .looseObject({ id: z.enum(GATES), remindAfter: z.string(), escalateAfter: z.string(), stalledAfter: z.string(), calendar: z.enum(CALENDARS), reportEvery: maybe(z.string()), offTrackTolerance: z.number().optional(), ...stamps })
  .meta({ id: 'Policy' });

export const webhook = z
  .looseObject({ id, name: z.string(), url: z.string(), format: z.enum(WEBHOOK_FORMATS), events: z.array(z.enum(EVENT_TYPES)), active: z.boolean(), ...stamps })
  .meta({ id: 'Webhook', description: 'The secret is write-only and never answered' });

export const delivery = z
  .looseObject({
    id: z.string().meta({ description: '<event id>:<webhook id>' }),
    eventId: z.string(),
    eventType: z.enum(EVENT_TYPES),
    webhookId: z.string(),
    initiativeId: maybe(z.string()),
    test: z.boolean().optional(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastAttemptAt: maybe(when),
    lastStatusCode: maybe(z.number().int()),
    lastError: maybe(z.string()),
    deliveredAt: maybe(when),
    ...stamps,
  })
  .meta({ id: 'Delivery' });

/** The record schema of each resource; a resource without one is described as an object with an id. */
export const RECORDS: Record<string, z.ZodType> = {
  people: person,
  goals: goal,
  services: service,
  initiatives: initiative,
  benefits: benefit,
  measurements: measurement,
  decisions: decision,
  emails: email,
  audit: auditEntry,
  policies: policy,
  webhooks: webhook,
  deliveries: delivery,
};

export const anyRecord = z.looseObject({ id: z.string() });

export const sessionUser = z.object({ id: z.string(), name: z.string(), email: z.string(), roles: z.array(z.enum(ROLES)), locale: z.enum(LOCALES) }).meta({ id: 'SessionUser' });

export const workflowState = z
  .looseObject({ initiativeId: z.string(), kind: z.enum(KINDS), gate: z.enum(GATES), step: z.enum(GATE_STEPS), status: z.string(), round: z.number().int(), escalationLevel: z.number().int(), stalled: z.boolean() })
  .meta({ id: 'WorkflowState', description: 'Live state answered by the initiative workflow itself' });

const tally = { benefits: z.number().int(), realised: z.number().int(), onTrack: z.number().int(), watch: z.number().int(), offTrack: z.number().int(), overdue: z.number().int() };
export const ownerReport = z.array(z.looseObject({ ownerId: z.string(), ownerName: z.string(), ...tally }));
export const goalReport = z.array(z.looseObject({ goalId: z.string(), code: z.string(), title: z.string(), active: z.boolean(), initiatives: z.number().int(), ...tally }));

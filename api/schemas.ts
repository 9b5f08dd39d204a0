// Every request body the API accepts, in one place. Strict: unknown and read-only fields are
// refused with a 400. No resource field has a zod default: a PUT validates with `.partial()`, and
// a default there would write a value the client never sent (the database's defaults apply on
// create). Bounds come from domain/bounds.ts: nothing here lets a request cost unbounded work.
import { isValidObjectId } from 'mongoose';
import { z } from 'zod';
import { DURATION_BOUNDS, FOLLOW_UP_YEARS, MAX_CHANGE_AGENTS, MAX_ENTHUSIASTS, MAX_GOAL_LINKS } from '../domain/bounds.js';
import { approximateSeconds, isValidDuration } from '../domain/calendar.js';
import { isPlainMultiline, isSingleLine } from '../domain/text.js';
import { EVENT_TYPES, WEBHOOK_FORMATS, webhookUrlProblem } from '../domain/events.js';
import {
  ADMIN_ACTIONS,
  BENEFIT_CATEGORIES,
  CALENDARS,
  CHECKLIST_STATES,
  DECISIONS,
  DIRECTIONS,
  DPIA_STATES,
  GATES,
  GATE_STEPS,
  HARVEST_KINDS,
  KINDS,
  LOCALES,
  READINESS_STATES,
  REVIEW_DECISIONS,
  RISK_LEVELS,
  ROLES,
} from '../domain/types.js';

export const objectId = z.string().refine((v) => isValidObjectId(v) && /^[0-9a-f]{24}$/i.test(v), 'must be an id');
/** A title, name or code: one line, no control characters. */
export const line = (max: number) => z.string().trim().max(max).refine(isSingleLine, 'must be one line without control characters');
/** A description, comment or note: line breaks allowed, other control characters not. */
export const paragraphs = (max: number) => z.string().max(max).refine(isPlainMultiline, 'must not contain control characters');
const durationOf = (kind: keyof typeof DURATION_BOUNDS) =>
  z
    .string()
    .refine(isValidDuration, 'must be an ISO-8601 duration such as P3D or PT5S')
    .refine((iso) => {
      if (!isValidDuration(iso)) return true; // said by the check above
      const seconds = approximateSeconds(iso);
      return seconds >= DURATION_BOUNDS[kind].min && seconds <= DURATION_BOUNDS[kind].max;
    }, `must be ${DURATION_BOUNDS[kind].text}`);
const date = z.coerce
  .date()
  .refine((d) => !Number.isNaN(d.getTime()), 'must be a date')
  .refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, 'must be a date between 2000 and 2100');
const year = z.number().int('must be a year such as 2035').min(2000, 'must be a year between 2000 and 2100').max(2100, 'must be a year between 2000 and 2100');

const absence = z
  .strictObject({ from: date, to: date, deputyId: objectId })
  .refine((a) => a.to.getTime() >= a.from.getTime(), { path: ['to'], message: 'must not come before from' });

export const personBody = z.strictObject({
  name: line(200).min(1, 'is required'),
  email: z.email().max(320),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
  managerId: objectId.nullable().optional(),
  unit: line(200).optional(),
  locale: z.enum(LOCALES).optional(),
  // null clears the password: the person can no longer log in with one.
  password: z.string().min(10, 'must be at least 10 characters').max(200).nullable().optional(),
  active: z.boolean().optional(),
  absences: z.array(absence).max(20).optional(),
});

export const goalBody = z.strictObject({
  code: line(40).min(1, 'is required'),
  title: line(300).min(1, 'is required'),
  description: paragraphs(5000).optional(),
  weight: z.number().int().min(1).max(5),
  active: z.boolean().optional(),
  plan: line(200).optional(),
  // Whole years: a master plan is adopted for a period such as 2024–2035 and reported on yearly.
  periodFrom: year.nullable().optional(),
  periodTo: year.nullable().optional(),
  parentId: objectId.nullable().optional(),
  ownerId: objectId.nullable().optional(),
});

export const serviceBody = z.strictObject({
  name: line(200).min(1, 'is required'),
  description: paragraphs(5000).optional(),
  ownerId: objectId,
});

export const goalLink = z.strictObject({
  goalId: objectId,
  contribution: z.number().int().min(1).max(3),
  rationale: paragraphs(2000).refine((v) => v.trim().length > 0, 'explain how the initiative contributes to the goal'),
});

const nok = z.number().finite().min(0).max(100_000_000_000);

/** Documents linked from the decision basis: http(s) only, so a link cannot run script or reach a file. */
const documentLink = z.strictObject({
  title: line(200).min(1, 'is required'),
  url: z.url({ protocol: /^https?$/, error: 'must be an http or https address' }).max(2000),
});

export const initiativeBody = z.strictObject({
  title: line(300).min(1, 'is required'),
  description: paragraphs(10000).optional(),
  kind: z.enum(KINDS).optional(),
  serviceId: objectId,
  projectManagerId: objectId,
  serviceOwnerId: objectId.optional(),
  // Governance is a person, a board, or both; one of them is needed (checked on create).
  governanceId: objectId.nullable().optional(),
  boardId: objectId.nullable().optional(),
  goalLinks: z.array(goalLink).max(MAX_GOAL_LINKS).optional(),
  changeAgentIds: z.array(objectId).max(MAX_CHANGE_AGENTS).optional(),
  enthusiastIds: z.array(objectId).max(MAX_ENTHUSIASTS, `at most ${MAX_ENTHUSIASTS} enthusiasts are invited to one initiative`).optional(),
  // The decision basis.
  problem: paragraphs(10000).optional(),
  costEstimate: z.strictObject({ investment: nok, yearlyRunning: nok }).optional(),
  risk: z.strictObject({ level: z.enum(RISK_LEVELS), description: paragraphs(5000).optional() }).optional(),
  alternatives: paragraphs(10000).optional(),
  dpia: z.enum(DPIA_STATES).nullable().optional(),
  documents: z.array(documentLink).max(30).optional(),
});

/** Creating adds `draft`: registered without asking governance yet. */
export const newInitiativeBody = initiativeBody.extend({ draft: z.boolean().optional() });

export const submitBody = z.strictObject({ note: paragraphs(2000).default('') });

export const checklistMarkBody = z
  .strictObject({
    gate: z.enum(GATES),
    key: line(80).min(1),
    status: z.enum(CHECKLIST_STATES),
    comment: paragraphs(2000).default(''),
  })
  .refine((mark) => mark.status !== 'not-relevant' || mark.comment.trim().length > 0, { path: ['comment'], message: 'say why the item is not relevant' });

export const checklistBody = z.strictObject({
  items: z
    .array(z.strictObject({ key: z.string().regex(/^[a-z0-9-]{1,80}$/, 'lower-case letters, digits and dashes'), text: line(300).min(1), mandatory: z.boolean() }))
    .max(40)
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, 'each key once'),
});

export const boardBody = z.strictObject({
  name: line(200).min(1, 'is required'),
  chairId: objectId.nullable().optional(),
  memberIds: z.array(objectId).max(50).optional(),
});

export const conditionCloseBody = z.strictObject({
  status: z.enum(['met', 'waived']),
  note: paragraphs(2000).refine((v) => v.trim().length > 0, 'say how it was met, or why it is waived'),
});

export const planChangeBody = z.strictObject({
  benefitId: objectId,
  changes: z.record(z.string(), z.unknown()),
  reason: paragraphs(2000).default(''),
});

export const planChangeAnswerBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: paragraphs(2000).default(''),
});

export const harvestBody = z.strictObject({
  how: z.enum(HARVEST_KINDS),
  note: paragraphs(2000).default(''),
});

export const reviewDecisionBody = z
  .strictObject({
    decision: z.enum(REVIEW_DECISIONS),
    note: paragraphs(4000).default(''),
    benefitId: objectId.optional(),
    target: z.number().finite().optional(),
  })
  .refine((r) => r.decision !== 'adjust' || (r.benefitId && typeof r.target === 'number'), { path: ['target'], message: 'adjusting names the benefit and its new target' })
  .refine((r) => r.decision !== 'close-abandoned' || r.note.trim().length > 0, { path: ['note'], message: 'say why the benefits cannot be achieved' });

export const commentBody = z.strictObject({
  initiativeId: objectId,
  gate: z.enum(GATES).optional(),
  text: paragraphs(4000).refine((v) => v.trim().length > 0, 'is required'),
});

export const readinessBody = z.strictObject({
  initiativeId: objectId,
  unit: line(200).min(1, 'is required'),
  status: z.enum(READINESS_STATES),
  note: paragraphs(2000).default(''),
});

export const benefitBody = z.strictObject({
    initiativeId: objectId,
    title: line(300).min(1, 'is required'),
    category: z.enum(BENEFIT_CATEGORIES),
    indicator: line(300).min(1, 'is required'),
    unit: line(60).min(1, 'is required'),
    dataSource: line(300).optional(),
    baseline: z.number().finite(),
    baselineDate: date,
    target: z.number().finite(),
    direction: z.enum(DIRECTIONS),
    measureEvery: durationOf('cadence'),
    followUpUntil: date,
    ownerId: objectId.optional(),
    valuePerYear: z.number().finite().min(0).max(10_000_000_000).nullable().optional(),
  });

export const policyBody = z.strictObject({
  remindAfter: durationOf('ladder'),
  escalateAfter: durationOf('ladder'),
  stalledAfter: durationOf('ladder'),
  calendar: z.enum(CALENDARS),
  reportEvery: durationOf('cadence').nullable().optional(),
  reviewEvery: durationOf('review').optional(),
  sustainedMeasurements: z.number().int().min(1).max(12).optional(),
  offTrackTolerance: z.number().min(0).max(1).optional(),
});

const conditionInput = z.union([
  line(500).min(1),
  z.strictObject({ text: line(500).min(1), ownerId: objectId.optional(), dueAt: date.optional() }),
]);

export const decisionBody = z
  .strictObject({
    gate: z.enum(GATES),
    decision: z.enum(DECISIONS),
    comment: paragraphs(2000).default(''),
    conditions: z.array(conditionInput).max(20).optional(),
    until: date.optional(),
    step: z.enum(GATE_STEPS).optional(),
  })
  .refine((d) => d.decision !== 'hold' || (d.until && d.until.getTime() > Date.now()), { path: ['until'], message: 'a hold needs a date in the future' })
  .refine((d) => !d.conditions?.length || d.decision === 'approve', { path: ['conditions'], message: 'conditions come with an approval' });

export const progressBody = z.strictObject({
  percent: z.number().min(0).max(100),
  note: paragraphs(2000).default(''),
});

export const adminBody = z.strictObject({
  action: z.enum(ADMIN_ACTIONS),
  reason: paragraphs(2000).refine((v) => v.trim().length >= 3, 'give a reason of at least 3 characters'),
  personId: objectId.optional(),
});

export const measurementBody = z.strictObject({
  benefitId: objectId,
  value: z.number().finite(),
  measuredAt: date,
  note: paragraphs(2000).default(''),
});

export const webhookBody = z.strictObject({
  name: line(200).min(1, 'is required'),
  url: z
    .string()
    .max(2000)
    .superRefine((url, ctx) => {
      const problem = webhookUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  format: z.enum(WEBHOOK_FORMATS),
  events: z.array(z.enum(EVENT_TYPES)).min(1, 'choose at least one event').max(EVENT_TYPES.length),
  // Write-only. Without one, a random secret is made (a Teams channel does not check signatures).
  secret: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
  active: z.boolean().optional(),
});

// The OpenAPI 3.1 description of the HTTP API, generated from the zod schemas that validate the
// requests (api/schemas.ts) and those that describe the answers (responses.ts): no second copy.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import {
  adminBody,
  benefitBody,
  boardBody,
  checklistBody,
  checklistMarkBody,
  commentBody,
  conditionCloseBody,
  decisionBody,
  goalBody,
  harvestBody,
  initiativeBody,
  measurementBody,
  newInitiativeBody,
  personBody,
  planChangeAnswerBody,
  planChangeBody,
  policyBody,
  progressBody,
  readinessBody,
  reviewDecisionBody,
  serviceBody,
  submitBody,
  webhookBody,
} from '../schemas.js';
import { anyRecord, errorResponse, goalReport, initiative, measurement, ownerReport, RECORDS, sessionUser, workflowState } from './responses.js';

/** A resource as the app mounts it: which of the react-admin simple REST writes it offers (reads always). */
export interface ResourceRoutes {
  name: string;
  create: boolean;
  update: boolean;
  remove: boolean;
}

/** Request bodies of the resources: the same schemas the routers parse with. */
const BODIES: Record<string, { create?: z.ZodType; update?: z.ZodType }> = {
  people: { create: personBody, update: personBody.partial() },
  goals: { create: goalBody, update: goalBody.partial() },
  services: { create: serviceBody, update: serviceBody.partial() },
  initiatives: { create: newInitiativeBody, update: initiativeBody.omit({ kind: true }).partial() },
  benefits: { create: benefitBody, update: benefitBody.omit({ initiativeId: true }).partial() },
  policies: { update: policyBody.partial() },
  webhooks: { create: webhookBody, update: webhookBody.partial() },
  boards: { create: boardBody, update: boardBody.partial() },
  checklists: { update: checklistBody.partial() },
  'plan-changes': { create: planChangeBody },
  comments: { create: commentBody },
  readiness: { create: readinessBody },
};

/** A pending plan change, answered 202 where a change of an accepted plan waits for the service owner. */
const waiting = () => json(z.looseObject({}), 'A change of an accepted benefit plan, waiting for the service owner (a plan-changes record)');

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const failure = { default: json(errorResponse, 'An error in the contract’s shape, with the status that fits (400, 401, 403, 404, 405, 409, 410, 413, 415, 429, 503)') };
const idParam = (description = 'The record id') => ({ path: z.object({ id: z.string().meta({ description }) }) });
const session = [{ session: [] }];

function operation(tag: string, summary: string, parts: Partial<ZodOpenApiOperationObject> & { success?: Record<string, unknown>; body?: z.ZodType; public?: boolean }): ZodOpenApiOperationObject {
  const { success, body, public: isPublic, ...rest } = parts;
  return {
    tags: [tag],
    summary,
    ...(isPublic ? { security: [] } : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses: { ...(success ?? {}), ...failure },
    ...rest,
  } as ZodOpenApiOperationObject;
}

const listQuery = z.object({
  sort: z.string().optional().meta({ description: 'JSON ["field","ASC"|"DESC"]', example: '["createdAt","DESC"]' }),
  range: z.string().optional().meta({ description: 'JSON [start, end], both included; at most 100 records', example: '[0,24]' }),
  filter: z.string().optional().meta({ description: 'JSON object of field → value (or list of values); "q" searches; "id" takes a list of ids', example: '{"gate":"owner-signoff"}' }),
});

function resourcePaths(resource: ResourceRoutes): ZodOpenApiPathsObject {
  const record = RECORDS[resource.name] ?? anyRecord;
  const tag = resource.name;
  const bodies = BODIES[resource.name] ?? {};
  const collection: Record<string, ZodOpenApiOperationObject> = {
    get: operation(tag, `List ${resource.name}`, {
      requestParams: { query: listQuery },
      success: {
        200: {
          description: 'The page of records asked for',
          headers: z.object({ 'Content-Range': z.string().meta({ description: `${resource.name} <start>-<end>/<total>` }) }),
          content: { 'application/json': { schema: z.array(record) } },
        },
      },
    }),
  };
  if (resource.create) {
    collection.post = operation(tag, `Create one of ${resource.name}`, {
      body: bodies.create ?? z.looseObject({}),
      success: { 201: json(record, 'Created'), ...(resource.name === 'benefits' ? { 202: waiting() } : {}) },
    });
  }
  const item: Record<string, ZodOpenApiOperationObject> = {
    get: operation(tag, `Get one of ${resource.name}`, { requestParams: idParam(), success: { 200: json(record, 'The record') } }),
  };
  if (resource.update) {
    item.put = operation(tag, `Change one of ${resource.name} (only the fields named)`, {
      requestParams: idParam(),
      body: bodies.update ?? z.looseObject({}),
      success: { 200: json(record, 'The record after the change'), ...(resource.name === 'benefits' ? { 202: waiting() } : {}) },
    });
  }
  if (resource.remove) {
    item.delete = operation(tag, `Delete one of ${resource.name}`, {
      requestParams: idParam(),
      success: { 200: json(record, 'The record that was deleted'), ...(resource.name === 'benefits' ? { 202: waiting() } : {}) },
    });
  }
  return { [`/api/${resource.name}`]: collection, [`/api/${resource.name}/{id}`]: item };
}

const fixedPaths: ZodOpenApiPathsObject = {
  '/healthz': { get: operation('health', 'Liveness', { public: true, success: { 200: json(z.object({ status: z.literal('ok') }), 'The process runs') } }) },
  '/readyz': {
    get: operation('health', 'Readiness: Temporal and the database answer', {
      public: true,
      success: { 200: json(z.object({ status: z.literal('ready'), temporal: z.literal('ok'), database: z.literal('ok') }), 'Ready'), 503: json(errorResponse, 'Not ready; `fields` names temporal and/or database') },
    }),
  },
  '/metrics': { get: operation('health', 'Prometheus metrics', { public: true, success: { 200: { description: 'Prometheus text format', content: { 'text/plain': { schema: z.string() } } } } }) },
  '/actions/{token}': {
    get: operation('action links', 'The page behind an emailed action link (changes nothing)', {
      public: true,
      requestParams: { path: z.object({ token: z.string() }) },
      success: { 200: html('A confirmation form'), 404: html('Unknown link'), 410: html('Used or expired link') },
    }),
    post: operation('action links', 'Act on an emailed action link (form-encoded; once)', {
      public: true,
      requestParams: { path: z.object({ token: z.string() }) },
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: z.object({ decision: z.string().optional(), comment: z.string().optional(), value: z.string().optional(), note: z.string().optional(), measuredAt: z.string().optional() }),
          },
        },
      },
      success: { 200: html('Recorded'), 400: html('The form is not filled in right'), 404: html('Unknown link'), 409: html('Cannot act yet; the page says what is missing'), 410: html('Used or expired link') },
    }),
  },
  '/api/auth/login': {
    post: operation('auth', 'Log in with email and password (sets the httpOnly session cookie and the ep_csrf cookie)', {
      public: true,
      body: z.object({ email: z.string(), password: z.string() }),
      success: { 200: json(z.object({ user: sessionUser }), 'Logged in') },
    }),
  },
  '/api/auth/logout': { post: operation('auth', 'Log out', { success: { 204: { description: 'Logged out' } } }) },
  '/api/auth/me': { get: operation('auth', 'Who is logged in (also renews the CSRF cookie)', { success: { 200: json(z.object({ user: sessionUser, standingInFor: z.array(z.string()).describe('ids of the people who are away now and name this person as their deputy') }), 'The logged-in person') } }) },
  '/api/auth/options': {
    get: operation('auth', 'How one may log in here', {
      public: true,
      success: { 200: json(z.object({ password: z.boolean(), sso: z.object({ loginUrl: z.string() }).nullable() }), 'Password login, and single sign-on when configured') },
    }),
  },
  '/api/auth/oidc/login': {
    get: operation('auth', 'Start single sign-on (redirects to the municipality’s OpenID provider)', {
      public: true,
      success: { 303: { description: 'To the provider’s sign-in page' }, 503: html('The provider does not answer') },
    }),
  },
  '/api/auth/oidc/callback': {
    get: operation('auth', 'Where the OpenID provider sends the browser back', {
      public: true,
      requestParams: { query: z.object({ code: z.string().optional(), state: z.string().optional(), error: z.string().optional() }) },
      success: { 303: { description: 'Logged in: to the console' }, 400: html('The sign-in failed or expired'), 403: html('Unknown person, no role, deactivated or no verified email') },
    }),
  },
  '/api/meta': {
    get: operation('meta', 'Links for the console', {
      success: { 200: json(z.object({ temporalUiUrl: z.string().nullable(), namespace: z.string(), mailboxUrl: z.string().nullable() }), 'Where the Temporal UI and the mailbox are') },
    }),
  },
  '/api/initiatives/{id}/decisions': {
    post: operation('initiatives', 'Decide the current gate: approve (with conditions), revise, hold until a date, reject', {
      requestParams: idParam('The initiative id'),
      body: decisionBody,
      success: { 200: json(initiative, 'The initiative after the decision') },
    }),
  },
  '/api/initiatives/{id}/submit': {
    post: operation('initiatives', 'Submit a draft to governance, or resubmit a gate after revision (with a note on what changed)', {
      requestParams: idParam('The initiative id'),
      body: submitBody,
      success: { 200: json(initiative, 'The initiative after the submission') },
    }),
  },
  '/api/initiatives/{id}/checklist': {
    post: operation('initiatives', "Mark an item of a gate's checklist open, done or not relevant", {
      requestParams: idParam('The initiative id'),
      body: checklistMarkBody,
      success: { 200: json(initiative, 'The initiative after the mark') },
    }),
  },
  '/api/initiatives/{id}/report': {
    get: operation('reports', 'A printable benefit realisation report of the initiative', {
      requestParams: { ...idParam('The initiative id'), query: z.object({ locale: z.enum(['nb', 'en']).optional() }) },
      success: { 200: html('The report') },
    }),
  },
  '/api/reports/owners/{personId}/report': {
    get: operation('reports', 'A printable benefit realisation report of a service owner', {
      requestParams: { path: z.object({ personId: z.string() }), query: z.object({ locale: z.enum(['nb', 'en']).optional() }) },
      success: { 200: html('The report') },
    }),
  },
  '/api/conditions/{id}/close': {
    post: operation('conditions', 'Close a condition: met (its owner) or waived (whoever may decide its gate)', {
      requestParams: idParam('The condition id'),
      body: conditionCloseBody,
      success: { 200: json(anyRecord, 'The condition after it closed') },
    }),
  },
  '/api/plan-changes/{id}/decide': {
    post: operation('plan-changes', 'Accept or reject a change of the accepted benefit plan (the service owner)', {
      requestParams: idParam('The plan change id'),
      body: planChangeAnswerBody,
      success: { 200: json(anyRecord, 'The plan change after the answer') },
    }),
  },
  '/api/reviews/{id}/decide': {
    post: operation('reviews', 'Decide a benefit review: continue, adjust a target, close as realised or as not achievable (governance)', {
      requestParams: idParam('The review id'),
      body: reviewDecisionBody,
      success: { 200: json(anyRecord, 'The review after the decision') },
    }),
  },
  '/api/benefits/{id}/harvest': {
    post: operation('benefits', 'Record how a realised benefit was taken out (its owner or the service owner)', {
      requestParams: idParam('The benefit id'),
      body: harvestBody,
      success: { 200: json(anyRecord, 'The benefit with its harvest') },
    }),
  },
  '/api/initiatives/{id}/progress': {
    post: operation('initiatives', 'Report implementation progress', { requestParams: idParam('The initiative id'), body: progressBody, success: { 200: json(initiative, 'The initiative after the report') } }),
  },
  '/api/initiatives/{id}/admin': {
    post: operation('initiatives', 'Nudge, reassign, skip the gate or cancel (administrators)', { requestParams: idParam('The initiative id'), body: adminBody, success: { 200: json(initiative, 'The initiative after the action') } }),
  },
  '/api/initiatives/{id}/workflow': {
    get: operation('initiatives', 'Live state from the initiative’s workflow', { requestParams: idParam('The initiative id'), success: { 200: json(workflowState, 'The workflow’s own state') } }),
  },
  '/api/measurements': {
    post: operation('measurements', 'Report a measurement of a benefit', { body: measurementBody, success: { 201: json(measurement, 'Recorded') } }),
  },
  '/api/reports/owners': { get: operation('reports', 'Benefits per service owner', { success: { 200: json(ownerReport, 'One row per owner') } }) },
  '/api/reports/goals': { get: operation('reports', 'Benefits per strategic goal', { success: { 200: json(goalReport, 'One row per goal') } }) },
  '/api/webhooks/{id}/test': {
    post: operation('webhooks', 'Send a made-up event to this webhook alone (administrators)', {
      requestParams: idParam('The webhook id'),
      success: { 202: json(z.object({ eventId: z.string(), deliveryId: z.string() }), 'Accepted; see the delivery for the outcome') },
    }),
  },
  '/api/openapi.json': { get: operation('reference', 'This document', { public: true, success: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: z.looseObject({ openapi: z.string() }) } } } } }) },
  '/api/docs': { get: operation('reference', 'A readable reference of this document', { public: true, success: { 200: html('The API reference page') } }) },
};

export function buildOpenApiDocument(options: { resources: ResourceRoutes[]; publicUrl: string; version: string }) {
  const paths: ZodOpenApiPathsObject = { ...fixedPaths };
  for (const resource of options.resources) {
    for (const [path, methods] of Object.entries(resourcePaths(resource))) paths[path] = { ...(paths[path] ?? {}), ...methods };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Endringsporten API',
      version: options.version,
      description: [
        'Digital change initiatives through four gates, run by Temporal workflows.',
        'Resources follow react-admin’s simple REST conventions: lists take `sort`, `range` and `filter` as JSON and answer `Content-Range`.',
        'Authenticate with the session cookie from `POST /api/auth/login` (or single sign-on); every write with a session also sends the `ep_csrf` cookie’s value in `X-CSRF-Token`.',
        'Every error is `{"error": {"code", "message", "fields"}}`.',
      ].join('\n\n'),
    },
    servers: [{ url: options.publicUrl }],
    security: session,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'ep_session', description: 'The session cookie; writes also need the X-CSRF-Token header' },
      },
    },
    paths,
  });
}

// The one place that binds schemas to a connection; api, activities and tests all call it.
import type { Connection } from 'mongoose';
import { benefitSchema, measurementSchema } from './benefits.js';
import { boardSchema, checklistSchema, commentSchema, conditionSchema, planChangeSchema, readinessSchema, reviewSchema } from './governance.js';
import { personSchema } from './people.js';
import { policySchema } from './policies.js';
import { goalSchema, initiativeSchema, serviceSchema } from './portfolio.js';
import { auditSchema, decisionSchema, emailSchema } from './records.js';
import { actionClaimSchema, actionLinkSchema, actionTokenSchema, loginFailureSchema, oidcAttemptSchema, revocationSchema, sessionSchema } from './security.js';
import { deliverySchema, eventSchema, webhookSchema } from './webhooks.js';

export function createModels(connection: Connection) {
  return {
    Person: connection.model('Person', personSchema, 'people'),
    Goal: connection.model('Goal', goalSchema, 'goals'),
    Service: connection.model('Service', serviceSchema, 'services'),
    Initiative: connection.model('Initiative', initiativeSchema, 'initiatives'),
    Benefit: connection.model('Benefit', benefitSchema, 'benefits'),
    Measurement: connection.model('Measurement', measurementSchema, 'measurements'),
    Decision: connection.model('Decision', decisionSchema, 'decisions'),
    Email: connection.model('Email', emailSchema, 'emails'),
    Audit: connection.model('Audit', auditSchema, 'audit'),
    Policy: connection.model('Policy', policySchema, 'policies'),
    Board: connection.model('Board', boardSchema, 'boards'),
    Checklist: connection.model('Checklist', checklistSchema, 'checklists'),
    Condition: connection.model('Condition', conditionSchema, 'conditions'),
    PlanChange: connection.model('PlanChange', planChangeSchema, 'planchanges'),
    Review: connection.model('Review', reviewSchema, 'reviews'),
    Comment: connection.model('Comment', commentSchema, 'comments'),
    Readiness: connection.model('Readiness', readinessSchema, 'readiness'),
    ActionToken: connection.model('ActionToken', actionTokenSchema, 'actiontokens'),
    ActionClaim: connection.model('ActionClaim', actionClaimSchema, 'actionclaims'),
    ActionLink: connection.model('ActionLink', actionLinkSchema, 'actionlinks'),
    Revocation: connection.model('Revocation', revocationSchema, 'revocations'),
    Session: connection.model('Session', sessionSchema, 'sessions'),
    LoginFailure: connection.model('LoginFailure', loginFailureSchema, 'loginfailures'),
    OidcAttempt: connection.model('OidcAttempt', oidcAttemptSchema, 'oidcattempts'),
    Webhook: connection.model('Webhook', webhookSchema, 'webhooks'),
    Event: connection.model('Event', eventSchema, 'events'),
    Delivery: connection.model('Delivery', deliverySchema, 'deliveries'),
  };
}

export type Models = ReturnType<typeof createModels>;

/** Builds every index (unique ones enforce idempotency) before the process serves anything. */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await model.createIndexes();
}

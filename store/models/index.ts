// The one place that binds schemas to a connection; api, activities and tests all call it.
import type { Connection } from 'mongoose';
import { benefitSchema, measurementSchema } from './benefits.js';
import { personSchema } from './people.js';
import { policySchema } from './policies.js';
import { goalSchema, initiativeSchema, serviceSchema } from './portfolio.js';
import { auditSchema, decisionSchema, emailSchema } from './records.js';
import { actionClaimSchema, actionTokenSchema, loginFailureSchema, oidcAttemptSchema, sessionSchema } from './security.js';
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
    ActionToken: connection.model('ActionToken', actionTokenSchema, 'actiontokens'),
    ActionClaim: connection.model('ActionClaim', actionClaimSchema, 'actionclaims'),
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

// Webhooks (administrators register where events go) and their deliveries (read-only: what was
// sent where, how often it was tried and what went wrong). Secrets are write-only.
import { randomBytes, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { isValidObjectId } from 'mongoose';
import { deliveryIdFor } from '../../domain/events.js';
import { testEvent } from '../../domain/webhook-payloads.js';
import { consoleUrl } from '../../domain/links.js';
import { auditRequest, changes } from '../audit.js';
import { requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { webhookBody } from '../schemas.js';
import { parseBody } from '../validation.js';
import { changedOnly, withoutServerFields } from './changes.js';
import type { ResourceSpec } from './crud.js';

/** What the audit trail keeps of a webhook change: never the secret. */
const withoutSecret = (body: Record<string, unknown>) => {
  const { secret, ...rest } = changes(body);
  return secret === undefined ? rest : { ...rest, secret: '(changed)' };
};

export function webhooksResource({ db }: AppContext): ResourceSpec {
  const { models } = db;
  return {
    name: 'webhooks',
    model: models.Webhook,
    filters: { format: 'enum', active: 'boolean', events: 'enum' },
    searchFields: ['name', 'url'],
    sortable: ['id', 'name', 'format', 'active', 'createdAt'],
    defaultSort: ['name', 'ASC'],
    async create(req) {
      const body = parseBody(webhookBody, req.body);
      const webhook = await models.Webhook.create({ ...body, secret: body.secret ?? randomBytes(32).toString('base64url') });
      await auditRequest(models, req, 'webhook.created', { webhookId: String(webhook._id), ...withoutSecret(body) });
      return webhook;
    },
    async update(req, existing) {
      const parsed = parseBody(webhookBody.partial(), withoutServerFields(req.body, existing.toJSON(), []));
      const body = { ...changedOnly({ ...parsed, secret: undefined }, existing.toJSON()), ...(parsed.secret !== undefined ? { secret: parsed.secret } : {}) };
      existing.set(body);
      await existing.save();
      await auditRequest(models, req, 'webhook.updated', { webhookId: String(existing._id), ...withoutSecret(body) });
      return existing;
    },
    async remove(req, existing) {
      await existing.deleteOne();
      await auditRequest(models, req, 'webhook.deleted', { webhookId: String(existing._id), name: existing.name });
    },
  };
}

export function deliveriesResource({ db }: AppContext): ResourceSpec {
  return {
    name: 'deliveries',
    model: db.models.Delivery,
    idIsObjectId: false,
    filters: { webhookId: 'id', status: 'enum', eventType: 'enum', initiativeId: 'id', eventId: 'string' },
    searchFields: ['lastError'],
    sortable: ['id', 'createdAt', 'updatedAt', 'lastAttemptAt', 'status', 'attempts'],
    defaultSort: ['createdAt', 'DESC'],
  };
}

/** POST /api/webhooks/{id}/test: a made-up event to this webhook alone, delivered like any other. */
export function createWebhookTestRouter(context: AppContext): Router {
  const { models } = context.db;
  const router = Router();
  router.post('/:id/test', requireRole(), async (req, res) => {
    const id = String(req.params.id);
    const webhook = isValidObjectId(id) ? await models.Webhook.findById(id).lean() : null;
    if (!webhook) throw notFound('webhooks');
    if (!webhook.active) throw new AppError(409, 'wrong-state', 'the webhook is switched off; switch it on to test it');
    const event = testEvent(`test-${randomUUID()}`, new Date(), consoleUrl(context.config.publicUrl, 'webhooks', id));
    await models.Event.create({ _id: event.id, type: event.type, time: event.time, initiativeId: null, data: event.data, onlyWebhookId: id });
    await context.workflows.startEventDelivery(event.id);
    await auditRequest(models, req, 'webhook.tested', { webhookId: id, eventId: event.id });
    res.status(202).json({ eventId: event.id, deliveryId: deliveryIdFor(event.id, id) });
  });
  return router;
}

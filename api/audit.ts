import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Models } from '../store/models/index.js';
import { channelOf } from './request.js';

/** An audit entry for something done through the console or the API. */
export async function auditRequest(models: Models, req: Request, action: string, details: Record<string, unknown>, initiativeId: string | null = null) {
  await models.Audit.create({
    key: randomUUID(),
    actorId: req.user?.id ?? null,
    action,
    initiativeId,
    channel: channelOf(req),
    at: new Date(),
    details,
  });
}

/** The changed fields, without secrets, for the audit trail. */
export function changes(body: Record<string, unknown>): Record<string, unknown> {
  const { password: _password, ...rest } = body;
  return { ...rest, ...(_password !== undefined ? { password: _password === null ? '(cleared)' : '(changed)' } : {}) };
}

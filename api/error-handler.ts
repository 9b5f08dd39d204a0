// The one place that turns errors into the contract's shape. Unknown errors are logged with
// context and answered 500 without internals.
import type { NextFunction, Request, Response } from 'express';
import mongoose from 'mongoose';
import { z } from 'zod';
import { logger, redactText } from '../logging/logger.js';
import { isDuplicateKey } from '../store/keys.js';
import { AppError } from './errors.js';
import { fieldErrors } from './validation.js';

const DATABASE_DOWN = /ECONNREFUSED|ECONNRESET|Server selection timed out|buffering timed out|not connected|Topology is closed|connection .* closed|client was closed|MongoNetwork/i;

const UNIQUE_FIELDS: Record<string, string> = { people: 'email', goals: 'code' };

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const e = error as { type?: string; status?: number; code?: number | string; name?: string; message?: string; keyValue?: Record<string, unknown> };
  if (e?.code === 'csrf' && e.status === 403) return new AppError(403, 'csrf', e.message ?? 'missing or wrong X-CSRF-Token header');
  if (e?.type === 'entity.too.large') return new AppError(413, 'too-large', 'the request body is too large');
  if (e?.type === 'entity.parse.failed') return new AppError(400, 'invalid', 'the request body is not valid JSON', { body: 'is not valid JSON' });
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new AppError(415, 'unsupported-media-type', 'unsupported body encoding');
  if (error instanceof z.ZodError) return new AppError(400, 'invalid', 'the request has invalid fields', fieldErrors(error));
  if (isDuplicateKey(error)) {
    // MongoDB names the key in keyValue; FerretDB names only the collection, which has one
    // user-facing unique field.
    const collection = e.message?.match(/collection: [^.\s]+\.(\w+)/)?.[1] ?? '';
    const field = Object.keys(e.keyValue ?? {})[0] ?? UNIQUE_FIELDS[collection] ?? 'value';
    return new AppError(409, 'conflict', `${field} is already in use`, { [field]: 'is already in use' });
  }
  if (error instanceof mongoose.Error.ValidationError) {
    const fields = Object.fromEntries(Object.entries(error.errors).map(([path, err]) => [path, err.message]));
    return new AppError(400, 'invalid', 'the request has invalid fields', fields);
  }
  if (error instanceof mongoose.Error.CastError) return new AppError(400, 'invalid', 'the request has invalid fields', { [error.path]: 'has the wrong type' });
  if (e?.name?.startsWith('Mongo') && DATABASE_DOWN.test(e.message ?? '')) return new AppError(503, 'database-unavailable', 'the database is not answering; try again shortly');
  if (e?.name === 'MongoServerSelectionError' || e?.name === 'MongoNotConnectedError' || e?.name === 'MongooseServerSelectionError') {
    return new AppError(503, 'database-unavailable', 'the database is not answering; try again shortly');
  }
  if (DATABASE_DOWN.test(e?.message ?? '') && /mongo/i.test(e?.name ?? '')) return new AppError(503, 'database-unavailable', 'the database is not answering; try again shortly');
  return null;
}

export function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction) {
  const known = toAppError(error);
  if (!known) {
    logger.error({ err: error, method: req.method, url: redactText(req.originalUrl) }, 'unexpected error');
  } else if (known.status >= 500) {
    logger.warn({ method: req.method, url: redactText(req.originalUrl), status: known.status, code: known.code, cause: String((known.cause as Error)?.message ?? known.message) }, 'dependency unavailable');
  }
  const status = known?.status ?? 500;
  if (res.headersSent) return;
  res.status(status).json({
    error: {
      code: known?.code ?? 'internal',
      message: known?.message ?? 'something went wrong on our side; it has been logged',
      ...(known?.fields ? { fields: known.fields } : {}),
    },
  });
}

// Request ids and one log line per request. The id comes from a trusted proxy's X-Request-Id when
// it has a sane shape, else it is made here; it is answered in X-Request-Id and carried by every
// line logged while the request is handled (logging/logger.ts keeps it across awaits).
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { logger, redactText, withLogContext } from '../logging/logger.js';

const REQUEST_ID = /^[\w.:@-]{1,100}$/;
/** Probes that run every few seconds: logged only at debug. */
const QUIET = /^\/(healthz|readyz|metrics)$/;

declare module 'express-serve-static-core' {
  interface Request {
    id?: string;
  }
}

export function requestLogging() {
  return (req: Request, res: Response, next: NextFunction) => {
    const offered = req.get('x-request-id');
    const reqId = offered && REQUEST_ID.test(offered) ? offered : randomUUID();
    req.id = reqId;
    res.set('X-Request-Id', reqId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      withLogContext({ reqId }, () => {
        const status = res.statusCode;
        const level = status >= 500 ? 'error' : QUIET.test(req.path) ? 'debug' : 'info';
        const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
        logger[level]({ method: req.method, url: redactText(req.originalUrl), status, ms, userId: req.user?.id ?? null }, 'request');
      });
    });
    withLogContext({ reqId }, next);
  };
}

// Liveness, readiness (naming the dependency that fails) and Prometheus metrics.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../context.js';

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : req.baseUrl || 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  return { registry, middleware };
}

export function createHealthRouter({ db, workflows }: AppContext, registry: Registry): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [temporal, database] = await Promise.allSettled([
      within(workflows.ping(), 2_000),
      within(db.connection.db!.admin().ping(), 2_000),
    ]);
    const fields: Record<string, string> = {};
    if (temporal.status === 'rejected') fields.temporal = `not answering: ${String(temporal.reason?.message ?? temporal.reason)}`;
    if (database.status === 'rejected') fields.database = `not answering: ${String(database.reason?.message ?? database.reason)}`;
    if (Object.keys(fields).length) {
      res.status(503).json({ error: { code: 'not-ready', message: `waiting for ${Object.keys(fields).join(' and ')}`, fields } });
      return;
    }
    res.json({ status: 'ready', temporal: 'ok', database: 'ok' });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}

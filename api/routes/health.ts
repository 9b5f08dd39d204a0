// Liveness, readiness (naming the dependency that fails) and Prometheus metrics.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../context.js';

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

/**
 * The route pattern a request matched (`/api/initiatives/:id/decisions`), for a metrics label of
 * bounded cardinality. Express resets `req.baseUrl` when an error leaves a router, so by the time
 * the response finishes the pattern is lost; it is captured when the router assigns it instead.
 * Requests refused before any route (401, 403 csrf, 429) count under their router's mount path.
 */
function trackRouteLabel(req: Request): () => string {
  let baseUrl = req.baseUrl;
  let route: Request['route'];
  let deepestMount = '';
  let label: string | undefined;
  Object.defineProperty(req, 'baseUrl', {
    configurable: true,
    enumerable: true,
    get: () => baseUrl,
    set(value: string) {
      baseUrl = value;
      if (value.length > deepestMount.length) deepestMount = value;
    },
  });
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: Request['route']) {
      route = value;
      if (typeof value?.path === 'string') label = `${baseUrl}${value.path}`;
    },
  });
  return () => label ?? (deepestMount ? `${deepestMount}/*` : 'unmatched');
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
    const routeLabel = trackRouteLabel(req);
    res.on('finish', () => end({ method: req.method, route: routeLabel(), status: String(res.statusCode) }));
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
      // Async, so a connection without a driver handle counts as a failed check, not a 500.
      within((async () => db.connection.db!.admin().ping())(), 2_000),
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

// Builds the Express app (no listening): health, action-link pages, the JSON API and the console.
import cookieParser from 'cookie-parser';
import express, { type Request, type Response, type NextFunction } from 'express';
import helmet from 'helmet';
import { createCsrf } from './auth/csrf.js';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { isLoginRequest, loadSession, requireAuth } from './auth/middleware.js';
import { createSsoRouter } from './auth/oidc.js';
import { isOperationOffered } from '../domain/access.js';
import { createApiDocsRouter } from './openapi/router.js';
import { createAuthRouter } from './auth/routes.js';
import { createSessionStore } from './auth/sessions.js';
import { createConsoleRouter } from './console.js';
import type { AppContext } from './context.js';
import { errorHandler } from './error-handler.js';
import { AppError } from './errors.js';
import { createResourceRouter } from './resources/crud.js';
import { benefitsResource } from './resources/benefits.js';
import { goalsResource, servicesResource } from './resources/goals-services.js';
import { governanceResources } from './resources/governance.js';
import { initiativesResource } from './resources/initiatives.js';
import { peopleResource } from './resources/people.js';
import { policiesResource } from './resources/policies.js';
import { readOnlyResources } from './resources/records.js';
import { createWebhookTestRouter, deliveriesResource, webhooksResource } from './resources/webhooks.js';
import { createActionLinksRouter } from './routes/action-links.js';
import { createHealthRouter, createMetrics } from './routes/health.js';
import { createGovernanceRouter } from './routes/governance.js';
import { createInitiativeActionsRouter } from './routes/initiative-actions.js';
import { createMeasurementsRouter } from './routes/measurements.js';
import { createInitiativeReportRouter, createReportsRouter } from './routes/reports.js';
import { requestLogging } from './request-log.js';

/** Writes to the API carry JSON; anything else is refused before it is parsed. */
function requireJson(req: Request, _res: Response, next: NextFunction) {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json')) {
    return next(new AppError(415, 'unsupported-media-type', 'send the body as application/json'));
  }
  next();
}

/** Writes per account (or, before login, per address): a person at work, not a script in a loop. */
export const WRITES_PER_MINUTE = 600;

function accountWriteLimit() {
  return rateLimit({
    windowMs: 60_000,
    limit: WRITES_PER_MINUTE,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skip: (req) => ['GET', 'HEAD', 'OPTIONS'].includes(req.method) || isLoginRequest(req),
    keyGenerator: (req) => (req.user ? `account:${req.user.id}` : `address:${ipKeyGenerator(req.ip ?? '')}`),
    handler: (_req, _res, next) => next(new AppError(429, 'too-many-requests', `more than ${WRITES_PER_MINUTE} changes a minute from this account; wait a minute`)),
  });
}

export function createApp(context: AppContext) {
  const { config, db } = context;
  const app = express();
  const metrics = createMetrics();
  const secureCookies = config.production || config.publicUrl.startsWith('https://');
  const sessions = createSessionStore(db.models, { secureCookies });
  const csrf = createCsrf({ secureCookies, isExempt: isLoginRequest });

  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLogging());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: config.publicUrl.startsWith('https://'),
    }),
  );
  app.use(metrics.middleware);
  app.use(createHealthRouter(context, metrics.registry));
  app.use('/actions', createActionLinksRouter(context));

  app.use('/api', requireJson, express.json({ limit: '100kb' }), cookieParser(), loadSession(sessions, db.models), csrf.doubleCsrfProtection, accountWriteLimit());
  app.use('/api/auth', createAuthRouter(db.models, sessions, csrf));
  app.use('/api/auth', createSsoRouter({ models: db.models, sessions, settings: config.oidc, publicUrl: config.publicUrl, secureCookies }));
  app.get('/api/meta', requireAuth, (_req, res) => {
    res.json({ temporalUiUrl: config.temporal.uiUrl, namespace: config.temporal.namespace, mailboxUrl: config.mailboxUrl });
  });
  app.use('/api/initiatives', createInitiativeActionsRouter(context));
  app.use('/api/initiatives', createInitiativeReportRouter(context));
  app.use('/api/measurements', createMeasurementsRouter(context));
  app.use('/api/reports', createReportsRouter(context));
  app.use('/api', createGovernanceRouter(context));
  app.use('/api/webhooks', createWebhookTestRouter(context));
  const resources = [
    peopleResource(context),
    goalsResource(context),
    servicesResource(context),
    initiativesResource(context),
    benefitsResource(context),
    policiesResource(context),
    ...governanceResources(context),
    ...readOnlyResources(context),
    webhooksResource(context),
    deliveriesResource(context),
  ];
  for (const spec of resources) app.use(`/api/${spec.name}`, createResourceRouter(spec));
  app.use(
    '/api',
    createApiDocsRouter({
      publicUrl: config.publicUrl,
      resources: resources.map((spec) => ({
        name: spec.name,
        create: Boolean(spec.create) && isOperationOffered(spec.name, 'create'),
        update: Boolean(spec.update) && isOperationOffered(spec.name, 'edit'),
        remove: Boolean(spec.remove) && isOperationOffered(spec.name, 'delete'),
      })),
    }),
  );
  app.use('/api', (req, _res, next) => next(new AppError(404, 'not-found', `no route ${req.method} ${req.originalUrl}`)));

  app.use(createConsoleRouter());
  app.use((req, _res, next) => next(new AppError(404, 'not-found', `no route ${req.method} ${req.path}`)));
  app.use(errorHandler);
  return app;
}

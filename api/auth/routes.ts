// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me.
import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { Models } from '../../store/models/index.js';
import { AppError } from '../errors.js';
import { parseBody } from '../validation.js';
import { requireAuth } from './middleware.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import type { Csrf } from './csrf.js';
import type { SessionStore } from './sessions.js';
import { localeOf } from '../../domain/people.js';

const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1000),
});

export function createAuthRouter(models: Models, sessions: SessionStore, csrf: Csrf): Router {
  const router = Router();
  const loginLimit = rateLimit({
    windowMs: 60_000,
    limit: 10,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}:${typeof req.body?.email === 'string' ? req.body.email.toLowerCase() : ''}`,
    handler: (_req, _res, next) => next(new AppError(429, 'too-many-requests', 'too many login attempts; wait a minute and try again')),
  });

  router.post('/login', loginLimit, async (req, res) => {
    const body = parseBody(loginBody, req.body);
    const person = await models.Person.findOne({ email: body.email }).lean();
    const ok = person?.passwordHash
      ? await verifyPassword(person.passwordHash, body.password)
      : (await verifyPassword(await dummyPasswordHash(), body.password), false);
    if (!person || !ok) throw new AppError(401, 'invalid-credentials', 'wrong email or password');
    const session = await sessions.start(req, res, String(person._id));
    req.session = { id: session.id, csrfToken: session.csrfToken };
    csrf.generateCsrfToken(req, res, { overwrite: true });
    res.json({ user: userOf(person) });
  });

  router.post('/logout', async (req, res) => {
    await sessions.end(req, res);
    res.status(204).end();
  });

  router.get('/me', requireAuth, (req, res) => {
    // Hands a fresh CSRF cookie to a browser that lost it, so it can write again without logging in.
    csrf.generateCsrfToken(req, res);
    res.json({ user: req.user });
  });

  return router;
}

function userOf(person: { _id: unknown; name: string; email: string; roles: string[]; locale?: string | null }) {
  return { id: String(person._id), name: person.name, email: person.email, roles: person.roles, locale: localeOf(person) };
}

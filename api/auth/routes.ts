// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me.
import { Router } from 'express';
import { z } from 'zod';
import { isUsableAccount, normaliseEmail } from '../../domain/accounts.js';
import { localeOf } from '../../domain/people.js';
import { standingInFor } from '../../store/lookups.js';
import type { Models } from '../../store/models/index.js';
import { AppError } from '../errors.js';
import { parseBody } from '../validation.js';
import type { Csrf } from './csrf.js';
import { requireAuth } from './middleware.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';
import { createLoginThrottle } from './throttle.js';

const loginBody = z.strictObject({
  email: z.string().max(320).transform(normaliseEmail),
  password: z.string().max(1000),
});

export function createAuthRouter(models: Models, sessions: SessionStore, csrf: Csrf): Router {
  const router = Router();
  const throttle = createLoginThrottle(models);

  router.post('/login', async (req, res) => {
    const { email, password } = parseBody(loginBody, req.body);
    const address = req.ip ?? 'unknown';
    const wait = await throttle.waitSeconds(email, address);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      throw new AppError(429, 'too-many-requests', `too many failed logins; try again in ${Math.ceil(wait / 60)} minutes`);
    }
    const person = await models.Person.findOne({ email }).lean();
    const ok = person?.passwordHash ? await verifyPassword(person.passwordHash, password) : (await verifyPassword(await dummyPasswordHash(), password), false);
    if (!person || !ok) {
      await throttle.recordFailure(email, address);
      throw new AppError(401, 'invalid-credentials', 'wrong email or password');
    }
    await throttle.recordSuccess(email);
    // Said only to someone who knows the password: the account itself is switched off.
    if (!isUsableAccount(person)) throw new AppError(403, 'account-inactive', 'this account is not active or has no role; ask an administrator');
    const session = await sessions.start(req, res, String(person._id));
    req.session = { id: session.id, csrfToken: session.csrfToken };
    csrf.generateCsrfToken(req, res, { overwrite: true });
    res.json({ user: userOf(person) });
  });

  router.post('/logout', async (req, res) => {
    await sessions.end(req, res);
    res.status(204).end();
  });

  router.get('/me', requireAuth, async (req, res) => {
    // Hands a fresh CSRF cookie to a browser that lost it, so it can write again without logging in.
    csrf.generateCsrfToken(req, res);
    // Whom the person stands in for today, so the console offers them the absent person's decisions.
    res.json({ user: req.user, standingInFor: await standingInFor(models, req.user!.id, new Date()) });
  });

  return router;
}

function userOf(person: { _id: unknown; name: string; email: string; roles: string[]; locale?: string | null }) {
  return { id: String(person._id), name: person.name, email: person.email, roles: person.roles, locale: localeOf(person) };
}

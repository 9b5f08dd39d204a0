// Who is calling: the session middleware attaches the person; guards answer 401/403.
import type { NextFunction, Request, Response } from 'express';
import type { Models } from '../../store/models/index.js';
import type { Role } from '../../domain/types.js';
import { AppError } from '../errors.js';
import type { SessionStore } from './sessions.js';
import { isUsableAccount } from '../../domain/accounts.js';
import { localeOf } from '../../domain/people.js';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  locale: 'nb' | 'en';
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser;
    session?: { id: string; csrfToken: string };
  }
}


/** Attaches `req.user` when a valid session cookie comes with the request. */
export function loadSession(sessions: SessionStore, models: Models) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const session = await sessions.find(req);
    if (session) {
      const person = await models.Person.findById(session.personId).lean();
      // A password session needs the password to still exist; a single-sign-on session does not.
      if (person && (session.method === 'oidc' || person.passwordHash) && isUsableAccount(person)) {
        req.user = {
          id: String(person._id),
          name: person.name,
          email: person.email,
          roles: person.roles as Role[],
          locale: localeOf(person),
        };
        req.session = { id: session.id, csrfToken: session.csrfToken };
      } else {
        // The account was deactivated, lost its roles or (for a password session) its password: the session ends now.
        await sessions.revoke(session.id);
      }
    }
    next();
  };
}

// Login is exempt: it starts a new session and must work for a browser whose old CSRF cookie
// was lost. A cross-site form cannot forge it anyway: /api writes must be application/json,
// which a foreign page can only send after a CORS preflight that this API never grants.

/** Logging in is the one cookie-free write: it is what creates the session. */
export const isLoginRequest = (req: Request) => req.method === 'POST' && req.originalUrl.split('?')[0] === '/api/auth/login';

export function requireAuth(req: Request, _res: Response, next: NextFunction) {
  if (!req.user) return next(new AppError(401, 'unauthenticated', 'log in first'));
  next();
}

/** Allows the listed roles; administrators always pass. */
export function requireRole(...roles: Role[]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.user) return next(new AppError(401, 'unauthenticated', 'log in first'));
    if (req.user.roles.includes('admin') || roles.some((role) => req.user!.roles.includes(role))) return next();
    next(new AppError(403, 'forbidden', `this needs one of the roles: ${['admin', ...roles].join(', ')}`));
  };
}

export function currentUser(req: Request): SessionUser {
  if (!req.user) throw new AppError(401, 'unauthenticated', 'log in first');
  return req.user;
}

export const isAdmin = (req: Request) => Boolean(req.user?.roles.includes('admin'));

// Login sessions: a random cookie value whose SHA-256 is stored, with idle and absolute timeouts
// checked by timestamps, and a per-session CSRF token for the double-submit check.
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { idFromKey, sha256 } from '../../store/keys.js';
import type { Models } from '../../store/models/index.js';

export const SESSION_COOKIE = 'ep_session';
export const CSRF_COOKIE = 'ep_csrf';
export const IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;


/** Every request finds its session by id (the embedded database looks up nothing else fast). */
const sessionId = (raw: string) => idFromKey(sha256(raw));
export type SessionMethod = 'password' | 'oidc';

export interface SessionInfo {
  id: string;
  personId: string;
  csrfToken: string;
  method: SessionMethod;
}

/** Ends every session of a person except `keep` (the caller's own, when they change themselves). */
export async function endSessionsOf(models: Models, personId: string, keep?: string): Promise<void> {
  await models.Session.deleteMany({ personId, ...(keep ? { _id: { $ne: keep } } : {}) });
}

export function createSessionStore(models: Models, options: { secureCookies: boolean }) {
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: options.secureCookies, path: '/' };

  return {
    /** A fresh session for `personId`; an earlier session of this browser is removed (no fixation). */
    async start(req: Request, res: Response, personId: string, method: SessionMethod = 'password'): Promise<SessionInfo> {
      const previous = req.cookies?.[SESSION_COOKIE];
      if (typeof previous === 'string') await models.Session.deleteOne({ _id: sessionId(previous) });
      const raw = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = new Date();
      const session = await models.Session.create({ _id: sessionId(raw), sessionHash: sha256(raw), personId, csrfToken, createdAt: now, lastSeenAt: now, method });
      res.cookie(SESSION_COOKIE, raw, { ...cookieOptions, maxAge: ABSOLUTE_TIMEOUT_MS });
      return { id: String(session._id), personId, csrfToken, method };
    },

    async find(req: Request): Promise<SessionInfo | null> {
      const raw = req.cookies?.[SESSION_COOKIE];
      if (typeof raw !== 'string' || raw.length > 100) return null;
      const session = await models.Session.findById(sessionId(raw)).lean();
      if (!session) return null;
      const now = Date.now();
      const expired = now - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS || now - session.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS;
      if (expired) {
        await models.Session.deleteOne({ _id: session._id });
        return null;
      }
      // Touch at most once a minute, so reads do not turn into a write each.
      if (now - session.lastSeenAt.getTime() > 60_000) await models.Session.updateOne({ _id: session._id }, { lastSeenAt: new Date(now) });
      return { id: String(session._id), personId: session.personId, csrfToken: session.csrfToken, method: (session.method ?? 'password') as SessionMethod };
    },

    async revoke(sessionId: string): Promise<void> {
      await models.Session.deleteOne({ _id: sessionId });
    },

    async end(req: Request, res: Response): Promise<void> {
      const raw = req.cookies?.[SESSION_COOKIE];
      if (typeof raw === 'string') await models.Session.deleteOne({ _id: sessionId(raw) });
      res.clearCookie(SESSION_COOKIE, cookieOptions);
      res.clearCookie(CSRF_COOKIE, { ...cookieOptions, httpOnly: false, sameSite: 'strict' });
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

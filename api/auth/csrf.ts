// CSRF protection for cookie-authenticated writes, with csrf-csrf (double submit, signed): the
// readable `ep_csrf` cookie holds a token signed with the session's own secret, and every write
// must echo it in `X-CSRF-Token`. A cross-site page can neither read the cookie nor forge the
// signature for someone else's session.
import type { Request } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { CSRF_COOKIE } from './sessions.js';

const MESSAGE = 'missing or wrong X-CSRF-Token header; reload the page and try again';

export function createCsrf(options: { secureCookies: boolean; isExempt: (req: Request) => boolean }) {
  return doubleCsrf({
    // A random secret per session, kept server-side in the session record.
    getSecret: (req) => req?.session?.csrfToken ?? '',
    getSessionIdentifier: (req) => req.session?.id ?? '',
    cookieName: CSRF_COOKIE,
    cookieOptions: { sameSite: 'strict', path: '/', secure: options.secureCookies, httpOnly: false },
    getCsrfTokenFromRequest: (req) => req.get('x-csrf-token'),
    // Without a session there is nothing to ride on: the route itself answers 401.
    skipCsrfProtection: (req) => !req.session || options.isExempt(req),
    errorConfig: { statusCode: 403, message: MESSAGE, code: 'csrf' },
  });
}

export type Csrf = ReturnType<typeof createCsrf>;

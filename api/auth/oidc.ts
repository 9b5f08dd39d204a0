// Single sign-on with OpenID Connect (authorization code with PKCE, openid-client): the console's
// "Log in with your municipality account" goes to /api/auth/oidc/login, the provider calls back
// to /api/auth/oidc/callback, and the person is found by their verified email. Local passwords
// stay for the first administrator and installations without single sign-on.
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import * as oidc from 'openid-client';
import type { OidcConfig } from '../../config/config.js';
import { isUsableAccount, normaliseEmail } from '../../domain/accounts.js';
import { identityFrom, nameFrom, type Claims } from '../../domain/sso.js';
import { logger } from '../../logging/logger.js';
import { sha256 } from '../../store/keys.js';
import type { Models } from '../../store/models/index.js';
import { localeFromHeader, signInPage, type SignInOutcome } from '../pages/sign-in-pages.js';
import type { SessionStore } from './sessions.js';

const STATE_COOKIE = 'ep_sso';
const CALLBACK_PATH = '/api/auth/oidc';
export const ATTEMPT_LIFETIME_MS = 10 * 60_000;

/** The provider's metadata, fetched on the first login and kept; a failed discovery is tried again next time. */
function providerConfiguration(settings: OidcConfig) {
  let discovered: Promise<oidc.Configuration> | null = null;
  return () => {
    discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret ?? undefined,
        settings.clientSecret ? oidc.ClientSecretPost(settings.clientSecret) : oidc.None(),
        // http only for a provider on this machine (config.ts refuses any other http issuer).
        new URL(settings.issuer).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };
}

export function createSsoRouter(options: { models: Models; sessions: SessionStore; settings: OidcConfig | null; publicUrl: string; secureCookies: boolean }): Router {
  const { models, sessions, settings, publicUrl, secureCookies } = options;
  const router = Router();
  const loginUrl = `${publicUrl}/#/login`;

  /** What the console's login page offers. */
  router.get('/options', (_req, res) => {
    res.json({ password: true, sso: settings ? { loginUrl: '/api/auth/oidc/login' } : null });
  });
  if (!settings) return router;

  const configuration = providerConfiguration(settings);
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: secureCookies, path: CALLBACK_PATH };
  const throttle = rateLimit({ windowMs: 60_000, limit: 30, standardHeaders: 'draft-7', legacyHeaders: false });

  function answer(req: Request, res: Response, status: number, outcome: SignInOutcome, email = '') {
    res.status(status).set('Cache-Control', 'no-store').type('html').send(signInPage(localeFromHeader(req.get('accept-language')), outcome, email, loginUrl));
  }

  router.get('/oidc/login', throttle, async (req, res) => {
    let provider: oidc.Configuration;
    try {
      provider = await configuration();
    } catch (error) {
      logger.warn({ err: error, issuer: settings.issuer }, 'single sign-on: the provider cannot be reached');
      return answer(req, res, 503, 'unavailable');
    }
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const now = new Date();
    await models.OidcAttempt.deleteMany({ createdAt: { $lt: new Date(now.getTime() - ATTEMPT_LIFETIME_MS) } });
    await models.OidcAttempt.create({ _id: sha256(state), codeVerifier, nonce, createdAt: now });
    res.cookie(STATE_COOKIE, state, { ...cookieOptions, maxAge: ATTEMPT_LIFETIME_MS });
    const target = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: settings.redirectUri,
      scope: settings.scopes,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    res.redirect(303, target.href);
  });

  router.get('/oidc/callback', throttle, async (req, res) => {
    const state = typeof req.query.state === 'string' ? req.query.state : '';
    const cookieState = req.cookies?.[STATE_COOKIE];
    res.clearCookie(STATE_COOKIE, cookieOptions);
    // Only the browser that started the sign-in may finish it (no login forced on someone else).
    if (!state || state !== cookieState) return answer(req, res, 400, 'failed');
    const attempt = await models.OidcAttempt.findOneAndDelete({ _id: sha256(state) }).lean();
    if (!attempt || Date.now() - attempt.createdAt.getTime() > ATTEMPT_LIFETIME_MS) return answer(req, res, 400, 'failed');
    if (typeof req.query.error === 'string') {
      logger.info({ error: req.query.error }, 'single sign-on: the provider ended the sign-in');
      return answer(req, res, 400, 'failed');
    }

    let claims: Claims;
    try {
      const provider = await configuration();
      const tokens = await oidc.authorizationCodeGrant(provider, new URL(req.originalUrl, publicUrl), {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims() };
      // Some providers put the email only in the userinfo answer.
      if ('problem' in identityFrom(claims, settings.emailClaims)) {
        claims = { ...claims, ...(await oidc.fetchUserInfo(provider, tokens.access_token, String(claims.sub))) };
      }
    } catch (error) {
      const unreachable = error instanceof TypeError || /ECONNREFUSED|ENOTFOUND|timed out/i.test(String((error as Error)?.message));
      logger.warn({ err: error }, 'single sign-on: the code exchange failed');
      return answer(req, res, unreachable ? 503 : 400, unreachable ? 'unavailable' : 'failed');
    }

    const identity = identityFrom(claims, settings.emailClaims);
    if ('problem' in identity) {
      logger.warn({ tried: identity.tried, sub: claims.sub }, 'single sign-on: no verified email in the claims');
      return answer(req, res, 403, 'no-verified-email');
    }
    const email = normaliseEmail(identity.email);
    const person = await models.Person.findOne({ email }).lean();
    if (!person) {
      if (!settings.selfRegistration) {
        logger.info({ claim: identity.claim }, 'single sign-on: unknown person refused');
        return answer(req, res, 403, 'unknown-person', email);
      }
      const created = await models.Person.create({ name: nameFrom(claims, email), email, roles: [], active: true, locale: localeFromHeader(req.get('accept-language')) });
      await models.Audit.create({ key: randomUUID(), actorId: String(created._id), action: 'person.self-registered', initiativeId: null, channel: 'api', at: new Date(), details: { email, via: 'single sign-on' } });
      logger.info({ personId: String(created._id) }, 'single sign-on: a person registered themselves without roles');
      return answer(req, res, 403, 'registered', email);
    }
    if (person.active === false) return answer(req, res, 403, 'inactive', email);
    if (!isUsableAccount(person)) return answer(req, res, 403, 'no-role', email);

    const session = await sessions.start(req, res, String(person._id), 'oidc');
    req.session = { id: session.id, csrfToken: session.csrfToken };
    logger.info({ personId: String(person._id), claim: identity.claim }, 'single sign-on: logged in');
    res.redirect(303, `${publicUrl}/#/`);
  });

  return router;
}

// The pages behind emailed action links. GET and HEAD only show; a person's POST acts, once.
// Claims (api/links/claims.ts) spend links; view models (api/links/view-models.ts) load what a
// page shows; the workflow decides whether the action fits, and the page says why when it does not.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { redactActionTokens } from '../../domain/links.js';
import { findActionToken, revocationOf } from '../../store/links.js';
import { logger } from '../../logging/logger.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { answerPlanChange, comment, decide, decideReview, reportMeasurement, reportReadiness, type Token } from '../links/acts.js';
import { createClaims, type Claim } from '../links/claims.js';
import { createViewModels } from '../links/view-models.js';
import { decisionForm, formatWhen, messagePage, words } from '../pages/action-pages.js';
import { commentForm, planChangeForm, readinessForm, reviewForm } from '../pages/governance-pages.js';
import type { PageLocale } from '../pages/layout.js';
import { measurementForm } from '../pages/measurement-page.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;


function sendPage(res: Response, status: number, locale: PageLocale, html: string) {
  res.status(status).set('Content-Language', locale).type('html').send(html);
}

export function createActionLinksRouter(context: AppContext): Router {
  const { models } = context.db;
  const claims = createClaims(models);
  const views = createViewModels(models);
  const router = Router();
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: 60,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, res) => sendPage(res, 429, 'nb', messagePage('nb', 'For mange forsøk', 'For mange forsøk på kort tid. Vent et minutt og prøv igjen.', 'problem')),
    }),
  );
  router.use(express.urlencoded({ extended: false, limit: '10kb' }));
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    res.set('Referrer-Policy', 'no-referrer');
    res.set('X-Robots-Tag', 'noindex');
    next();
  });

  async function findToken(raw: string): Promise<Token | null> {
    if (!TOKEN_SHAPE.test(raw)) return null;
    return (await findActionToken(models, raw)) as Token | null;
  }

  const tokenId = (token: Token) => String(token._id);

  /** The page for a link that was used, or whose gate has moved on. */
  async function spentPage(token: Token, claim: Claim, res: Response) {
    const locale = await views.localeOf(token.personId);
    const w = words(locale);
    if (claim.state === 'refused') return closedPage(token, claim.at, res);
    const what = w.decisions[claim.usedFor] ?? claim.usedFor;
    sendPage(res, 410, locale, messagePage(locale, w.usedTitle, w.usedBody(what, formatWhen(claim.at, locale))));
  }

  /** The gate was settled by another route (or moved on): say how, as far as the record shows. */
  async function closedPage(token: Token, at: Date, res: Response) {
    const locale = await views.localeOf(token.personId);
    const w = words(locale);
    const decided = await models.Decision.findOne({ initiativeId: token.initiativeId }).sort({ at: -1 }).lean();
    const why = decided ? (w.decisions[decided.decision] ?? decided.decision) : (token.revokedReason ?? '');
    sendPage(res, 410, locale, messagePage(locale, w.closedTitle, w.closedBody(why, formatWhen(decided?.at ?? at, locale))));
  }

  /** Answers with the page saying why the link cannot act now; false when it can. */
  async function refused(token: Token | null, res: Response): Promise<boolean> {
    if (!token) {
      sendPage(res, 404, 'nb', messagePage('nb', words('nb').unknownTitle, words('nb').unknownBody, 'problem'));
      return true;
    }
    const claim = reusable(token) ? null : await claims.find(tokenId(token));
    if (claim && claim.state !== 'pending') {
      await spentPage(token, claim, res);
      return true;
    }
    const revocation = await revocationOf(models, token);
    if (revocation) {
      await closedPage({ ...token, revokedReason: revocation.reason }, revocation.at, res);
      return true;
    }
    const locale = await views.localeOf(token.personId);
    const w = words(locale);
    if (token.expiresAt.getTime() <= Date.now()) {
      sendPage(res, 410, locale, messagePage(locale, w.expiredTitle, w.expiredBody, 'problem'));
      return true;
    }
    if ((token.purpose === 'measurement' && (await views.followUpEnded(token))) || (reusable(token) && (await views.initiativeEnded(token)))) {
      sendPage(res, 410, locale, messagePage(locale, w.endedTitle, w.endedBody));
      return true;
    }
    return false;
  }

  /** Links that are used once, and those that stay open while the initiative is under way. */
  const reusable = (token: Token) => token.purpose === 'readiness' || token.purpose === 'comment';
  const acts = { context, models, claims, views, send: sendPage, closedPage, spentPage };

  router.get('/:token', async (req, res) => {
    const token = await findToken(req.params.token);
    if (await refused(token, res)) return;
    const t = token!;
    const forms: Record<string, () => Promise<[PageLocale, string]>> = {
      measurement: async () => { const m = await views.measurement(t); return [m.locale, measurementForm(m)]; },
      'plan-change': async () => { const m = await views.planChange(t); return [m.locale, planChangeForm(m)]; },
      review: async () => { const m = await views.review(t); return [m.locale, reviewForm(m)]; },
      readiness: async () => { const m = await views.initiativeOf(t); return [m.locale, readinessForm(m)]; },
      comment: async () => { const m = await views.initiativeOf(t); return [m.locale, commentForm(m)]; },
    };
    const [locale, html] = await (forms[t.purpose] ?? (async () => { const m = await views.decision(t); return [m.locale, decisionForm(m)] as [PageLocale, string]; }))();
    sendPage(res, 200, locale, html);
  });

  router.post('/:token', async (req, res) => {
    const token = await findToken(req.params.token);
    if (await refused(token, res)) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const act = { measurement: reportMeasurement, 'plan-change': answerPlanChange, review: decideReview, readiness: reportReadiness, comment }[token!.purpose as string] ?? decide;
    await act(acts, token!, body, res);
  });

  // Link pages answer in HTML whatever goes wrong: a person clicked a link in an email. What is
  // logged never carries the request (its path holds a live token) nor the error's own message.
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const w = words('nb');
    const status = (error as { status?: number })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // A link mangled on its way (broken percent-encoding, say) is as good as unknown.
      return sendPage(res, 404, 'nb', messagePage('nb', w.unknownTitle, w.unknownBody, 'problem'));
    }
    const name = String((error as Error)?.name ?? 'Error');
    const unavailable = error instanceof AppError ? error.status === 503 : /Mongo|ECONN|timed out/i.test(name + String((error as Error)?.message ?? ''));
    if (!unavailable) logger.error({ err: error }, 'action link page failed');
    sendPage(res, unavailable ? 503 : 500, 'nb', messagePage('nb', w.unavailableTitle, w.unavailableBody, 'problem'));
  });

  return router;
}

// The pages behind emailed action links. GET and HEAD only show; a person's POST acts, once.
// Claims (api/links/claims.ts) spend links; view models (api/links/view-models.ts) load what a
// page shows; the workflow decides whether the action fits, and the page says why when it does not.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { logger } from '../../logging/logger.js';
import { sha256 } from '../../store/keys.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { createClaims, updateIdOf, type Claim } from '../links/claims.js';
import { createViewModels, decisionChoices, type LinkToken } from '../links/view-models.js';
import { recordMeasurement } from '../measurements.js';
import { decisionForm, formatWhen, messagePage, words } from '../pages/action-pages.js';
import type { PageLocale } from '../pages/layout.js';
import { measurementForm, measurementWords } from '../pages/measurement-page.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

type Token = LinkToken & { _id: unknown; expiresAt: Date; revokedAt?: Date | null; revokedReason?: string | null; key: string };

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
    return (await models.ActionToken.findOne({ tokenHash: sha256(raw) }).lean()) as Token | null;
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
    const claim = await claims.find(tokenId(token));
    if (claim && claim.state !== 'pending') {
      await spentPage(token, claim, res);
      return true;
    }
    if (token.revokedAt) {
      await closedPage(token, token.revokedAt, res);
      return true;
    }
    const locale = await views.localeOf(token.personId);
    const w = words(locale);
    if (token.expiresAt.getTime() <= Date.now()) {
      sendPage(res, 410, locale, messagePage(locale, w.expiredTitle, w.expiredBody, 'problem'));
      return true;
    }
    if (token.purpose === 'measurement' && (await views.followUpEnded(token))) {
      sendPage(res, 410, locale, messagePage(locale, w.endedTitle, w.endedBody));
      return true;
    }
    return false;
  }

  router.get('/:token', async (req, res) => {
    const token = await findToken(req.params.token);
    if (await refused(token, res)) return;
    if (token!.purpose === 'measurement') {
      const model = await views.measurement(token!);
      return sendPage(res, 200, model.locale, measurementForm(model));
    }
    const model = await views.decision(token!);
    sendPage(res, 200, model.locale, decisionForm(model));
  });

  async function decide(token: Token, body: Record<string, unknown>, res: Response) {
    const choice = typeof body.decision === 'string' ? body.decision : '';
    const comment = typeof body.comment === 'string' ? body.comment.slice(0, 2000) : '';
    const locale = await views.localeOf(token.personId);
    const w = words(locale);
    if (!decisionChoices(token).includes(choice)) {
      return sendPage(res, 400, locale, decisionForm(await views.decision(token, w.invalidChoice)));
    }
    // Spend the link before acting: of two concurrent clicks only one gets the claim.
    const taken = await claims.take(tokenId(token), choice);
    if ('spent' in taken) return spentPage(token, taken.spent, res);
    try {
      await context.workflows.decide(
        token.initiativeId,
        {
          gate: token.gate as never,
          step: token.step as 'decision' | 'confirmation',
          decision: choice as 'approve' | 'reject' | 'revise',
          comment,
          actorId: token.personId,
          channel: 'email',
          link: { round: token.round, personId: token.personId },
        },
        { updateId: updateIdOf(taken.claim) },
      );
    } catch (error) {
      if (!(error instanceof AppError && error.status === 409)) {
        // Whether it was recorded is not known: the claim stays, and sending the form again
        // asks the workflow with the same update id, so the decision counts at most once.
        return sendPage(res, 503, locale, messagePage(locale, w.unavailableTitle, w.unavailableBody, 'problem'));
      }
      if (error.code === 'precondition-failed') {
        await claims.giveBack(tokenId(token));
        const missing = Object.keys(error.fields ?? {}).map((field) => w.missing[field] ?? error.fields![field]);
        return sendPage(res, 409, locale, messagePage(locale, w.missingTitle, w.missingBody, 'problem', missing));
      }
      await claims.settle(tokenId(token), { state: 'refused', reason: error.message });
      return closedPage(token, new Date(), res);
    }
    await claims.settle(tokenId(token), { state: 'done' });
    sendPage(res, 200, locale, messagePage(locale, w.recorded, w.recordedBody(w.decisions[choice] ?? choice)));
  }

  async function reportMeasurement(token: Token, body: Record<string, unknown>, res: Response) {
    const locale = await views.localeOf(token.personId);
    const w = measurementWords(locale);
    const raw = String(body.value ?? '').trim();
    const value = Number(raw.replace(',', '.').replace(/\s/g, ''));
    // The contract's fields are value and note; the date is today unless the form says otherwise.
    const dateText = String(body.measuredAt ?? '').trim();
    const measuredAt = dateText ? new Date(dateText) : new Date();
    const problem = raw === '' || !Number.isFinite(value) ? w.badValue : Number.isNaN(measuredAt.getTime()) || measuredAt.getTime() > Date.now() + 60_000 ? w.badDate : null;
    if (problem) return sendPage(res, 400, locale, measurementForm(await views.measurement(token, problem)));

    const taken = await claims.take(tokenId(token), `${value}`);
    if ('spent' in taken) return spentPage(token, taken.spent, res);
    const note = typeof body.note === 'string' ? body.note.slice(0, 2000) : '';
    try {
      await recordMeasurement(context, { benefitId: token.benefitId!, value, measuredAt, note, reportedById: token.personId, channel: 'email', requestKey: token.key });
    } catch (error) {
      const pw = words(locale);
      if (error instanceof AppError && error.status < 500) {
        await claims.settle(tokenId(token), { state: 'refused', reason: error.message });
        return sendPage(res, 410, locale, messagePage(locale, pw.endedTitle, pw.endedBody));
      }
      // recordMeasurement took the measurement back: nothing happened, so the link works again.
      await claims.giveBack(tokenId(token));
      return sendPage(res, 503, locale, messagePage(locale, pw.unavailableTitle, pw.unavailableBody, 'problem'));
    }
    await claims.settle(tokenId(token), { state: 'done' });
    const unit = (await models.Benefit.findById(token.benefitId).lean())?.unit ?? '';
    sendPage(res, 200, locale, messagePage(locale, w.recorded, w.recordedBody(`${value} ${unit}`)));
  }

  router.post('/:token', async (req, res) => {
    const token = await findToken(req.params.token);
    if (await refused(token, res)) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (token!.purpose === 'measurement') return reportMeasurement(token!, body, res);
    return decide(token!, body, res);
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

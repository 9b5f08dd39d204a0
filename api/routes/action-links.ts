// The pages behind emailed action links. GET and HEAD only show; a person's POST acts, once.
import express, { Router, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { HydratedDocument, InferSchemaType } from 'mongoose';
import type { actionTokenSchema } from '../../store/models/security.js';
import { hashToken } from '../../activities/tokens.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { decisionForm, formatWhen, messagePage, words } from '../pages/action-pages.js';
import { measurementForm, measurementWords } from '../pages/measurement-page.js';
import { recordMeasurement } from '../measurements.js';
import type { PageLocale } from '../pages/layout.js';

type TokenDoc = HydratedDocument<InferSchemaType<typeof actionTokenSchema>>;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

export function createActionLinksRouter(context: AppContext): Router {
  const { models } = context.db;
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

  async function findToken(raw: string) {
    if (!TOKEN_SHAPE.test(raw)) return null;
    return models.ActionToken.findOne({ tokenHash: hashToken(raw) });
  }

  async function localeOf(personId: string): Promise<PageLocale> {
    const person = await models.Person.findById(personId).lean();
    return person?.locale === 'en' ? 'en' : 'nb';
  }

  /** Spends the link for `usedFor`; false when another request spent it first. */
  async function claim(token: TokenDoc, usedFor: string): Promise<boolean> {
    const now = new Date();
    if (token.expiresAt.getTime() <= now.getTime()) return false;
    try {
      await models.ActionClaim.create({ tokenId: String(token._id), usedFor, at: now });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
    await models.ActionToken.updateOne({ _id: token._id }, { $set: { usedAt: now, usedFor } });
    return true;
  }

  /** Gives the link back when nothing was done with it (a dependency was down). */
  async function release(token: TokenDoc): Promise<void> {
    await models.ActionClaim.deleteOne({ tokenId: String(token._id) }).catch(() => undefined);
    await models.ActionToken.updateOne({ _id: token._id }, { $set: { usedAt: null, usedFor: null } }).catch(() => undefined);
  }

  /** Shows the "already used" page for a link another request has just spent. */
  async function refuseSpent(token: TokenDoc, res: Response): Promise<void> {
    const fresh = await models.ActionToken.findById(token._id);
    if (fresh && !fresh.usedAt && !fresh.revokedAt) {
      const spent = await models.ActionClaim.findOne({ tokenId: String(token._id) }).lean();
      if (spent) fresh.set({ usedAt: spent.at, usedFor: spent.usedFor });
    }
    await refusal(fresh, res);
  }

  /** The 404/410 page for a token that cannot act, or null when it can. */
  async function refusal(token: TokenDoc | null, res: Response): Promise<boolean> {
    if (!token) {
      sendPage(res, 404, 'nb', messagePage('nb', words('nb').unknownTitle, words('nb').unknownBody, 'problem'));
      return true;
    }
    const locale = await localeOf(token.personId);
    const w = words(locale);
    if (token.usedAt) {
      const what = w.decisions[token.usedFor ?? ''] ?? token.usedFor ?? '';
      sendPage(res, 410, locale, messagePage(locale, w.usedTitle, w.usedBody(what, formatWhen(token.usedAt, locale))));
      return true;
    }
    if (token.revokedAt) {
      const decided = await models.Decision.findOne({ initiativeId: token.initiativeId }).sort({ at: -1 }).lean();
      const why = decided ? `${w.decisions[decided.decision] ?? decided.decision}` : token.revokedReason ?? '';
      sendPage(res, 410, locale, messagePage(locale, w.closedTitle, w.closedBody(why, formatWhen(token.revokedAt, locale))));
      return true;
    }
    if (token.expiresAt.getTime() <= Date.now()) {
      sendPage(res, 410, locale, messagePage(locale, w.expiredTitle, w.expiredBody, 'problem'));
      return true;
    }
    return false;
  }

  async function formModel(token: TokenDoc, error?: string) {
    const initiative = await models.Initiative.findById(token.initiativeId).lean();
    const person = await models.Person.findById(token.personId).lean();
    const service = initiative ? await models.Service.findById(initiative.serviceId).lean() : null;
    const goals = initiative ? await models.Goal.find({ _id: { $in: initiative.goalLinks.map((l) => l.goalId) } }).lean() : [];
    const benefits = token.gate === 'owner-signoff' ? await models.Benefit.find({ initiativeId: token.initiativeId }).lean() : [];
    return {
      locale: (person?.locale === 'en' ? 'en' : 'nb') as PageLocale,
      personName: person?.name ?? '',
      title: initiative?.title ?? '',
      serviceName: service?.name ?? '–',
      gate: token.gate,
      step: token.step,
      goals: goals.map((g) => `${g.code} ${g.title}`),
      benefits: benefits.map((b) => `${b.title}: ${b.baseline} → ${b.target} ${b.unit}`),
      allowedActions: token.allowedActions,
      error,
    };
  }

  async function measurementModel(token: TokenDoc, error?: string) {
    const benefit = await models.Benefit.findById(token.benefitId).lean();
    const initiative = await models.Initiative.findById(token.initiativeId).lean();
    return {
      locale: await localeOf(token.personId),
      initiativeTitle: initiative?.title ?? '',
      benefit: { title: benefit?.title ?? '', indicator: benefit?.indicator ?? '', unit: benefit?.unit ?? '', baseline: benefit?.baseline ?? 0, target: benefit?.target ?? 0 },
      today: new Date().toISOString().slice(0, 10),
      error,
    };
  }

  router.get('/:token', async (req, res) => {
    const token = await findToken(req.params.token);
    if (await refusal(token, res)) return;
    if (token!.purpose === 'measurement') {
      const model = await measurementModel(token!);
      sendPage(res, 200, model.locale, measurementForm(model));
      return;
    }
    const model = await formModel(token!);
    sendPage(res, 200, model.locale, decisionForm(model));
  });

  async function reportMeasurement(token: TokenDoc, body: Record<string, unknown>, res: Response) {
    const locale = await localeOf(token.personId);
    const w = measurementWords(locale);
    const value = Number(String(body.value ?? '').trim().replace(',', '.').replace(/\s/g, ''));
    const measuredAt = new Date(String(body.measuredAt ?? ''));
    const problem = String(body.value ?? '').trim() === '' || !Number.isFinite(value) ? w.badValue : Number.isNaN(measuredAt.getTime()) || measuredAt.getTime() > Date.now() ? w.badDate : null;
    if (problem) {
      sendPage(res, 400, locale, measurementForm(await measurementModel(token, problem)));
      return;
    }
    if (!(await claim(token, `${value}`))) {
      await refuseSpent(token, res);
      return;
    }
    const note = typeof body.note === 'string' ? body.note.slice(0, 2000) : '';
    try {
      await recordMeasurement(context, { benefitId: token.benefitId!, value, measuredAt, note, reportedById: token.personId, channel: 'email', requestKey: token.key });
    } catch (error) {
      if (!(error instanceof AppError && error.status === 409)) {
        await release(token);
        const pw = words(locale);
        sendPage(res, 503, locale, messagePage(locale, pw.unavailableTitle, pw.unavailableBody, 'problem'));
        return;
      }
    }
    const unit = (await models.Benefit.findById(token.benefitId).lean())?.unit ?? '';
    sendPage(res, 200, locale, messagePage(locale, w.recorded, w.recordedBody(`${value} ${unit}`)));
  }

  router.post('/:token', async (req, res) => {
    const token = await findToken(req.params.token);
    if (await refusal(token, res)) return;
    if (token!.purpose === 'measurement') {
      await reportMeasurement(token!, req.body ?? {}, res);
      return;
    }
    const decision = typeof req.body?.decision === 'string' ? req.body.decision : '';
    const comment = typeof req.body?.comment === 'string' ? req.body.comment.slice(0, 2000) : '';
    const locale = await localeOf(token!.personId);
    const w = words(locale);
    const allowed = token!.allowedActions.filter((a) => !(token!.step === 'confirmation' && a === 'reject'));
    if (!allowed.includes(decision)) {
      const model = await formModel(token!, w.invalidChoice);
      sendPage(res, 400, model.locale, decisionForm(model));
      return;
    }

    // Spend the link before acting: of two concurrent clicks only one gets the claim.
    if (!(await claim(token!, decision))) {
      await refuseSpent(token!, res);
      return;
    }
    try {
      await context.workflows.decide(token!.initiativeId, {
        gate: token!.gate,
        step: token!.step as 'decision' | 'confirmation',
        decision: decision as 'approve' | 'reject' | 'revise',
        comment,
        actorId: token!.personId,
        channel: 'email',
      });
    } catch (error) {
      if (error instanceof AppError && error.status === 409) {
        // The gate moved on by another route: the link is spent, and the page says so.
        await models.ActionToken.updateOne({ _id: token!._id }, { $set: { usedAt: null, usedFor: null, revokedAt: new Date(), revokedReason: error.message } });
        await refusal(await models.ActionToken.findById(token!._id), res);
        return;
      }
      // Nothing was decided: give the link back so the person can try again.
      await release(token!);
      sendPage(res, 503, locale, messagePage(locale, w.unavailableTitle, w.unavailableBody, 'problem'));
      return;
    }
    sendPage(res, 200, locale, messagePage(locale, w.recorded, w.recordedBody(w.decisions[decision] ?? decision)));
  });

  return router;
}

function sendPage(res: Response, status: number, locale: PageLocale, html: string) {
  res.status(status).set('Content-Language', locale).type('html').send(html);
}

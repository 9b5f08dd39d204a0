// What a person's POST on a link does, per kind of link. Decisions, plan changes and reviews are
// acted on once (a claim spends the link, and the workflow's answer settles it); readiness and
// comments are voices, recorded each time the link is used while the initiative is under way.
import type { Response } from 'express';
import type { Models } from '../../store/models/index.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { recordMeasurement } from '../measurements.js';
import { decisionForm, messagePage, words } from '../pages/action-pages.js';
import { commentForm, governanceWords, planChangeForm, readinessForm, reviewForm } from '../pages/governance-pages.js';
import type { PageLocale } from '../pages/layout.js';
import { measurementForm, measurementWords } from '../pages/measurement-page.js';
import { updateIdOf, type Claims } from './claims.js';
import { decisionChoices, type createViewModels, type LinkToken } from './view-models.js';

export type Token = LinkToken & { _id: unknown; expiresAt: Date; revokedAt?: Date | null; revokedReason?: string | null; key: string };
type Body = Record<string, unknown>;
type Send = (res: Response, status: number, locale: PageLocale, html: string) => void;

export interface ActContext {
  context: AppContext;
  models: Models;
  claims: Claims;
  views: ReturnType<typeof createViewModels>;
  send: Send;
  /** The page for a link whose gate has moved on (or whose subject was settled elsewhere). */
  closedPage(token: Token, at: Date, res: Response): Promise<void>;
  spentPage(token: Token, claim: NonNullable<Awaited<ReturnType<Claims['find']>>>, res: Response): Promise<void>;
}

const text = (value: unknown, max = 2000) => (typeof value === 'string' ? value.slice(0, max) : '');
const tokenId = (token: Token) => String(token._id);

/**
 * Spends the link for `choice`, asks the workflow (with the claim's update id, so a retried POST
 * counts once), and answers: recorded; refused for a reason that can be fixed (the link works
 * again); the link no longer applies; or "try again" when the answer is not known.
 */
async function actOnce(a: ActContext, token: Token, choice: string, res: Response, locale: PageLocale, ask: (updateId: string) => Promise<unknown>, recorded: string) {
  const w = words(locale);
  const taken = await a.claims.take(tokenId(token), choice);
  if ('spent' in taken) return a.spentPage(token, taken.spent, res);
  try {
    await ask(updateIdOf(taken.claim));
  } catch (error) {
    if (!(error instanceof AppError && error.status === 409)) return a.send(res, 503, locale, messagePage(locale, w.unavailableTitle, w.unavailableBody, 'problem'));
    if (['precondition-failed', 'checklist-incomplete', 'open-conditions'].includes(error.code)) {
      await a.claims.giveBack(tokenId(token));
      const missing = Object.entries(error.fields ?? {}).map(([field, why]) => w.missing[field.split('.')[0]] ?? why);
      return a.send(res, 409, locale, messagePage(locale, w.missingTitle, w.missingBody, 'problem', [...new Set(missing)]));
    }
    await a.claims.settle(tokenId(token), { state: 'refused', reason: error.message });
    return a.closedPage(token, new Date(), res);
  }
  await a.claims.settle(tokenId(token), { state: 'done' });
  a.send(res, 200, locale, messagePage(locale, w.recorded, w.recordedBody(recorded)));
}

export async function decide(a: ActContext, token: Token, body: Body, res: Response) {
  const locale = await a.views.localeOf(token.personId);
  const w = words(locale);
  const choice = text(body.decision);
  if (!decisionChoices(token).includes(choice)) return a.send(res, 400, locale, decisionForm(await a.views.decision(token, w.invalidChoice)));
  const until = choice === 'hold' ? new Date(text(body.until)) : null;
  if (until && !(until.getTime() > Date.now())) return a.send(res, 400, locale, decisionForm(await a.views.decision(token, w.badHold)));
  const conditions = choice === 'approve' ? text(body.conditions, 5000).split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, 20) : [];
  return actOnce(a, token, choice, res, locale, (updateId) =>
    a.context.workflows.decide(
      token.initiativeId,
      {
        gate: token.gate as never,
        step: token.step as never,
        decision: choice as 'approve',
        comment: text(body.comment),
        ...(conditions.length ? { conditions } : {}),
        ...(until ? { until: until.toISOString() } : {}),
        actorId: token.personId,
        channel: 'email',
        link: { round: token.round, personId: token.forPersonId ?? token.personId },
      },
      { updateId },
    ), w.decisions[choice] ?? choice);
}

export async function answerPlanChange(a: ActContext, token: Token, body: Body, res: Response) {
  const locale = await a.views.localeOf(token.personId);
  const choice = text(body.decision);
  if (!token.allowedActions.includes(choice)) return a.send(res, 400, locale, planChangeForm(await a.views.planChange(token, governanceWords(locale).badChoice)));
  const w = words(locale);
  return actOnce(a, token, choice, res, locale, (updateId) =>
    a.context.workflows.answerPlanChange(token.initiativeId, { planChangeId: token.subjectId!, decision: choice as 'approve', comment: text(body.comment), actorId: token.personId, channel: 'email' }, { updateId }),
    w.decisions[choice] ?? choice);
}

export async function decideReview(a: ActContext, token: Token, body: Body, res: Response) {
  const locale = await a.views.localeOf(token.personId);
  const g = governanceWords(locale);
  const choice = text(body.decision);
  const note = text(body.note, 4000);
  const target = Number(text(body.target).replace(',', '.').replace(/\s/g, ''));
  const benefitId = text(body.benefitId) || undefined;
  const problem = !token.allowedActions.includes(choice) ? g.badChoice
    : choice === 'adjust' && (!benefitId || !Number.isFinite(target) || text(body.target).trim() === '') ? g.badTarget
      : choice === 'close-abandoned' && !note.trim() ? g.needNote : null;
  if (problem) return a.send(res, 400, locale, reviewForm(await a.views.review(token, problem)));
  return actOnce(a, token, choice, res, locale, (updateId) =>
    a.context.workflows.decideReview(
      token.initiativeId,
      { reviewId: token.subjectId!, decision: choice as 'continue', note, ...(choice === 'adjust' ? { benefitId, target } : {}), actorId: token.personId, channel: 'email' },
      { updateId },
    ), g.reviewChoices[choice] ?? choice);
}

export async function reportMeasurement(a: ActContext, token: Token, body: Body, res: Response) {
  const locale = await a.views.localeOf(token.personId);
  const w = measurementWords(locale);
  const raw = String(body.value ?? '').trim();
  const value = Number(raw.replace(',', '.').replace(/\s/g, ''));
  // The contract's fields are value and note; the date is today unless the form says otherwise.
  const dateText = text(body.measuredAt).trim();
  const measuredAt = dateText ? new Date(dateText) : new Date();
  const problem = raw === '' || !Number.isFinite(value) ? w.badValue : Number.isNaN(measuredAt.getTime()) || measuredAt.getTime() > Date.now() + 60_000 ? w.badDate : null;
  if (problem) return a.send(res, 400, locale, measurementForm(await a.views.measurement(token, problem)));

  const taken = await a.claims.take(tokenId(token), `${value}`);
  if ('spent' in taken) return a.spentPage(token, taken.spent, res);
  const pw = words(locale);
  try {
    await recordMeasurement(a.context, { benefitId: token.benefitId!, value, measuredAt, note: text(body.note), reportedById: token.personId, channel: 'email', requestKey: token.key });
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      await a.claims.settle(tokenId(token), { state: 'refused', reason: error.message });
      return a.send(res, 410, locale, messagePage(locale, pw.endedTitle, pw.endedBody));
    }
    // recordMeasurement took the measurement back: nothing happened, so the link works again.
    await a.claims.giveBack(tokenId(token));
    return a.send(res, 503, locale, messagePage(locale, pw.unavailableTitle, pw.unavailableBody, 'problem'));
  }
  await a.claims.settle(tokenId(token), { state: 'done' });
  const unit = (await a.models.Benefit.findById(token.benefitId).lean())?.unit ?? '';
  a.send(res, 200, locale, messagePage(locale, w.recorded, w.recordedBody(`${value} ${unit}`)));
}

/** A change agent says whether their unit is ready; the link works for as long as implementation runs. */
export async function reportReadiness(a: ActContext, token: Token, body: Body, res: Response) {
  const locale = await a.views.localeOf(token.personId);
  const g = governanceWords(locale);
  const status = text(body.status);
  const unit = text(body.unit, 200).trim();
  const problem = !token.allowedActions.includes(status) ? g.badChoice : !unit ? g.needUnit : null;
  if (problem) return a.send(res, 400, locale, readinessForm(await a.views.initiativeOf(token, problem)));
  await a.models.Readiness.create({ initiativeId: token.initiativeId, unit, status, note: text(body.note), personId: token.personId, channel: 'email', at: new Date() });
  a.send(res, 200, locale, messagePage(locale, g.recordedTitle, g.recordedBody));
}

/** An enthusiast's view, kept with the gate the initiative is in. */
export async function comment(a: ActContext, token: Token, body: Body, res: Response) {
  const locale = await a.views.localeOf(token.personId);
  const g = governanceWords(locale);
  const said = text(body.text, 4000).trim();
  if (!said) return a.send(res, 400, locale, commentForm(await a.views.initiativeOf(token, g.needText)));
  const initiative = await a.models.Initiative.findById(token.initiativeId, { gate: 1 }).lean();
  await a.models.Comment.create({ initiativeId: token.initiativeId, gate: initiative?.gate ?? token.gate, text: said, authorId: token.personId, channel: 'email', at: new Date() });
  a.send(res, 200, locale, messagePage(locale, g.recordedTitle, g.recordedBody));
}

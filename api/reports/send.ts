// The report routes' answers: find what was asked for, pick the reader's language (the console
// passes the one it shows; otherwise the person's own), and answer a self-contained HTML page.
import type { Request, Response } from 'express';
import { isValidObjectId } from 'mongoose';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../domain/types.js';
import { currentUser } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { parseBody } from '../validation.js';
import { loadInitiativeReport, loadOwnerReport } from './load.js';
import { renderInitiativeReport, renderOwnerReport } from './render.js';

const reportQuery = z.strictObject({ locale: z.enum(LOCALES).optional() });

function localeFor(req: Request): Locale {
  return parseBody(reportQuery, req.query).locale ?? currentUser(req).locale;
}

function sendHtml(res: Response, html: string) {
  // Portfolio figures change with every measurement: never from a cache.
  res.set('Cache-Control', 'no-store');
  res.type('html').send(html);
}

export async function sendInitiativeReport({ db }: AppContext, req: Request, res: Response) {
  const locale = localeFor(req);
  const id = String(req.params.id);
  const data = isValidObjectId(id) ? await loadInitiativeReport(db, id) : null;
  if (!data) throw notFound('initiative');
  sendHtml(res, renderInitiativeReport(data, { locale, now: new Date() }));
}

export async function sendOwnerReport({ db }: AppContext, req: Request, res: Response) {
  const locale = localeFor(req);
  const id = String(req.params.personId);
  const person = isValidObjectId(id) ? await db.models.Person.findById(id, { name: 1, unit: 1 }).lean() : null;
  if (!person) throw notFound('person');
  sendHtml(res, renderOwnerReport(await loadOwnerReport(db, id), person, { locale, now: new Date() }));
}

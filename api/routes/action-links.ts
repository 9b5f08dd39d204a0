// Owned by the lead: the pages behind emailed action links.
import { Router } from 'express';
import type { AppContext } from '../context.js';

export function createActionLinksRouter(_context: AppContext): Router {
  return Router();
}

// Owned by the lead: decisions, progress, admin actions and live workflow state.
import { Router } from 'express';
import type { AppContext } from '../context.js';

export function createInitiativeActionsRouter(_context: AppContext): Router {
  return Router();
}

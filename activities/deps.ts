import type { Models } from '../store/models/index.js';
import type { Mailer } from './mailer.js';

/** Everything activities touch, handed in once by the worker (and by tests). */
export interface ActivityDeps {
  models: Models;
  mailer: Mailer;
  clock: () => Date;
  publicUrl: string;
  mailFrom: string;
  /** How long an emailed action link stays valid. */
  linkLifetimeDays: number;
}

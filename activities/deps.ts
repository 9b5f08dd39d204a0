import type { Models } from '../store/models/index.js';
import type { StartDelivery } from '../store/events.js';
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
  /** How an event's delivery workflow is started; the worker's own client when not given. */
  startDelivery?: StartDelivery;
}

// Who sent a request and through which channel, as the workflow and the audit trail record it.
import type { Request } from 'express';
import type { Channel } from '../domain/types.js';
import { currentUser } from './auth/middleware.js';

/** The console says so in a header; everything else with a session or key is the API. */
export const channelOf = (req: Request): Exclude<Channel, 'email'> => (req.get('x-endringsporten-client') === 'console' ? 'console' : 'api');

export const originOf = (req: Request) => ({ actorId: currentUser(req).id, channel: channelOf(req) });

import type { Config } from '../config/config.js';
import type { Database } from '../store/database.js';
import type { WorkflowGateway } from './temporal.js';

/** What the HTTP layer is built from; tests build it with real services on free ports. */
export interface AppContext {
  config: Config;
  db: Database;
  workflows: WorkflowGateway;
}

// Per test file: the in-process API and worker log warnings and errors only, readable, so a
// run's output shows what went wrong rather than every request. Suites that look at log lines
// install their own logger (tests/helpers/logs.ts).
import { createLogger, useLogger } from '../../logging/logger.js';

useLogger(createLogger({ level: 'warn', production: false }));

// What the in-process API and worker log, as the lines they would print: the process logger is
// replaced by one that writes into memory (JSON, as in production, unless asked otherwise).
import { Writable } from 'node:stream';
import { createLogger, useLogger, type Logger, type LogLevel } from '../../logging/logger.js';

export interface CapturedLogs {
  logger: Logger;
  /** Raw lines written so far. */
  lines: string[];
  /** The JSON lines parsed (production format only). */
  records(): Record<string, any>[];
  clear(): void;
}

export function captureLogs(options: { level?: LogLevel; production?: boolean; install?: boolean } = {}): CapturedLogs {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter((line) => line.length > 0));
      done();
    },
  });
  const logger = createLogger({ level: options.level ?? 'debug', production: options.production ?? true, destination: destination as never });
  if (options.install !== false) useLogger(logger);
  return {
    logger,
    lines,
    records: () => lines.map((line) => JSON.parse(line)),
    clear: () => lines.splice(0),
  };
}

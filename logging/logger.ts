// The one logger of the API and the worker (pino): JSON lines in production, readable lines
// otherwise. Every line carries the context it was written in — the request id in the API, the
// workflow, initiative and gate in an activity — and never a secret or a live action link.
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { redactActionTokens } from '../domain/links.js';

export type { Logger };
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What a log line says about where it was written. */
export interface LogContext {
  reqId?: string;
  workflowId?: string;
  initiativeId?: string;
  gate?: string;
  activity?: string;
}

const context = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with these fields on every log line written inside it (also after awaits). */
export const withLogContext = <T>(fields: LogContext, fn: () => T): T => context.run({ ...context.getStore(), ...fields }, fn);

export const currentLogContext = (): LogContext => context.getStore() ?? {};

/** Field names whose values never reach a log line, at the top level or one level down. */
const SECRET_KEYS = [
  'password', 'passwordHash', 'secret', 'clientSecret', 'token', 'tokenHash', 'sessionHash', 'csrfToken',
  'cookie', 'authorization', 'codeVerifier', 'nonce', 'id_token', 'access_token', 'refresh_token', 'taskToken',
];
export const REDACTED_PATHS = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
  'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]',
  'headers["set-cookie"]', 'headers["x-csrf-token"]', 'headers["x-endringsporten-signature"]',
];

/** Query parameters that carry one-time codes or tokens (OpenID Connect callbacks, links). */
const SECRET_QUERY = /([?&](?:code|state|token|id_token|access_token|session_state|secret)=)[^&#\s"']*/gi;

/** A URL or a message as it may be logged: action-link tokens and one-time codes replaced. */
export const redactText = (text: string): string => redactActionTokens(text).replace(SECRET_QUERY, '$1[redacted]');

export interface LoggerOptions {
  level: LogLevel;
  /** JSON lines when true; readable lines (pino-pretty) otherwise. */
  production: boolean;
  /** The process the lines come from: `api`, `worker`. */
  name?: string;
  /** Where lines go (tests pass a stream they read); standard output otherwise. */
  destination?: DestinationStream;
}

export function createLogger({ level, production, name, destination }: LoggerOptions): Logger {
  const stream = production
    ? (destination ?? pino.destination({ dest: 1, sync: true }))
    : pretty({ destination: destination ?? 1, sync: true, colorize: !destination && process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  return pino(
    {
      level,
      name,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => ({ ...context.getStore() }),
      formatters: {
        level: (label) => ({ level: label }),
        // A URL or message passed as a field is redacted like a message.
        log: (fields) => Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, typeof value === 'string' ? redactText(value) : value])),
      },
      serializers: {
        err(error: Error) {
          const serialised = stdSerializers.err(error);
          return { ...serialised, message: redactText(serialised.message ?? ''), stack: serialised.stack ? redactText(serialised.stack) : undefined };
        },
      },
      hooks: {
        // Strings handed to the logger are messages and interpolations: a token inside one is replaced too.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    stream,
  );
}

/**
 * The process's logger. Until a process has read its configuration it logs at `info`; the API and
 * the worker then install their own (`useLogger`). ESM bindings are live, so every module that
 * imported `logger` writes through the installed one.
 */
export let logger: Logger = createLogger({ level: 'info', production: false });

export function useLogger(next: Logger): Logger {
  logger = next;
  return next;
}

// Temporal's own logs (the SDK, the Rust core, workflow and activity loggers) go through the
// process's pino logger, and every line an activity writes names the workflow, the initiative
// and the gate it works for.
import type { LogLevel as TemporalLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { makeTelemetryFilterString, type ActivityInterceptorsFactory, type RuntimeOptions } from '@temporalio/worker';
import { logger as processLogger, withLogContext, type LogContext, type Logger, type LogLevel } from '../logging/logger.js';

const LEVELS: Record<TemporalLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/** Temporal's Logger interface, written through pino (the process logger unless one is given). */
export function temporalLogger(target?: Logger): TemporalLogger {
  const emit = (level: TemporalLevel, message: string, meta?: LogMetadata) => {
    const { sdkComponent, error, ...rest } = (meta ?? {}) as LogMetadata & { error?: unknown };
    const fields = { ...rest, ...(sdkComponent ? { temporal: sdkComponent } : {}), ...(error !== undefined ? { err: error } : {}) };
    (target ?? processLogger)[LEVELS[level] ?? 'info'](fields, message);
  };
  return {
    log: emit,
    trace: (message, meta) => emit('TRACE', message, meta),
    debug: (message, meta) => emit('DEBUG', message, meta),
    info: (message, meta) => emit('INFO', message, meta),
    warn: (message, meta) => emit('WARN', message, meta),
    error: (message, meta) => emit('ERROR', message, meta),
  };
}

/** Runtime options that route the SDK's and the core's logs through pino at LOG_LEVEL. */
export function runtimeLogging(level: LogLevel, target?: Logger): Pick<RuntimeOptions, 'logger' | 'telemetryOptions'> {
  const core = level === 'debug' ? 'DEBUG' : level === 'info' ? 'INFO' : level === 'warn' ? 'WARN' : 'ERROR';
  return {
    logger: temporalLogger(target),
    telemetryOptions: { logging: { forward: {}, filter: makeTelemetryFilterString({ core, other: core }) } },
  };
}

/** The initiative and gate an activity works for, from its argument (every activity takes a ref object). */
function contextOf(args: unknown[]): Pick<LogContext, 'initiativeId' | 'gate'> {
  const ref = (args[0] ?? {}) as { initiativeId?: unknown; gate?: unknown };
  return {
    ...(typeof ref.initiativeId === 'string' ? { initiativeId: ref.initiativeId } : {}),
    ...(typeof ref.gate === 'string' ? { gate: ref.gate } : {}),
  };
}

/**
 * Per activity execution: its lines through `activity.log` get the initiative and gate beside
 * Temporal's own workflowId and activityType; lines through the pino logger get all of them.
 */
export const activityLogContext: ActivityInterceptorsFactory = (ctx) => {
  let subject: LogContext = {};
  return {
    inbound: {
      execute(input, next) {
        subject = contextOf(input.args);
        const workflowId = ctx.info.workflowExecution?.workflowId;
        return withLogContext({ ...(workflowId ? { workflowId } : {}), activity: ctx.info.activityType, ...subject }, () => next(input));
      },
    },
    outbound: {
      // Temporal adds workflowId and activityType itself.
      getLogAttributes: (attributes, next) => next({ ...attributes, ...subject }),
    },
  };
};

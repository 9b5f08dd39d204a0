// The process configuration, read once from the environment and validated at start-up.
import { z } from 'zod';
import { CONFIG_VARIABLES } from './variables.js';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('endringsporten'),
  TEMPORAL_UI_URL: z.url().optional(),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb://').default('mongodb://127.0.0.1:27018/endringsporten'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').default('smtp://127.0.0.1:1025'),
  MAILBOX_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('Endringsporten <noreply@localhost>'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  DEMO_DATA: z.enum(['true', 'false']).default('false'),
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export interface Config {
  port: number;
  publicUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string; uiUrl: string | null };
  mongodbUri: string;
  smtpUrl: string;
  mailboxUrl: string | null;
  mailFrom: string;
  admin: { email: string; password: string } | null;
  demoData: boolean;
  production: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`invalid configuration:\n${problems}`);
  }
  const v = parsed.data;
  if (Boolean(v.ADMIN_EMAIL) !== Boolean(v.ADMIN_PASSWORD)) {
    throw new ConfigError('invalid configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  return {
    port: v.PORT,
    publicUrl: (v.PUBLIC_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, ''),
    temporal: {
      address: v.TEMPORAL_ADDRESS,
      namespace: v.TEMPORAL_NAMESPACE,
      taskQueue: v.TEMPORAL_TASK_QUEUE,
      uiUrl: v.TEMPORAL_UI_URL ?? null,
    },
    mongodbUri: v.MONGODB_URI,
    smtpUrl: v.SMTP_URL,
    mailboxUrl: v.MAILBOX_URL ?? null,
    mailFrom: v.MAIL_FROM,
    admin: v.ADMIN_EMAIL && v.ADMIN_PASSWORD ? { email: v.ADMIN_EMAIL, password: v.ADMIN_PASSWORD } : null,
    demoData: v.DEMO_DATA === 'true',
    production: v.NODE_ENV === 'production',
    logLevel: v.LOG_LEVEL,
  };
}

export { CONFIG_VARIABLES };

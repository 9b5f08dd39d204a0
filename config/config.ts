// The process configuration, read once from the environment and validated at start-up.
import { z } from 'zod';
import { CONFIG_VARIABLES } from './variables.js';

/** Entra ID sends `preferred_username` and `upn` for its own accounts; `email` only when configured (and verified). */
const DEFAULT_EMAIL_CLAIMS = 'email,preferred_username,upn';

/** OpenID Connect issuers use https, except on this machine (development and tests). */
function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'must be the issuer URL, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
  return 'must be an https:// URL';
}

/** An optional value; empty counts as unset (docker compose passes `${VAR:-}` as an empty string). */
const optionalText = () => z.preprocess((value) => (value === '' ? undefined : value), z.string().min(1).optional());

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
  OIDC_ISSUER: optionalText().superRefine((issuer, ctx) => {
    const problem = issuer ? issuerProblem(issuer) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  OIDC_CLIENT_ID: optionalText(),
  OIDC_CLIENT_SECRET: optionalText(),
  OIDC_SCOPES: z.string().regex(/(^|\s)openid(\s|$)/, 'must include openid').default('openid email profile'),
  OIDC_EMAIL_CLAIMS: z.string().regex(/^[\w.-]+(,[\w.-]+)*$/, 'must be claim names separated by commas').default(DEFAULT_EMAIL_CLAIMS),
  OIDC_SELF_REGISTRATION: z.enum(['true', 'false']).default('false'),
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
  /** Single sign-on with OpenID Connect; null when OIDC_ISSUER is not set. */
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE only). */
  clientSecret: string | null;
  scopes: string;
  emailClaims: string[];
  /** Lets a verified person without an account in: created without roles, until an administrator gives one. */
  selfRegistration: boolean;
  /** `${PUBLIC_URL}/api/auth/oidc/callback`: register exactly this at the provider. */
  redirectUri: string;
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
  if (Boolean(v.OIDC_ISSUER) !== Boolean(v.OIDC_CLIENT_ID)) {
    throw new ConfigError('invalid configuration:\n  OIDC_ISSUER and OIDC_CLIENT_ID must be set together (single sign-on)');
  }
  const publicUrl = (v.PUBLIC_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, '');
  return {
    port: v.PORT,
    publicUrl,
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
    oidc:
      v.OIDC_ISSUER && v.OIDC_CLIENT_ID
        ? {
            issuer: v.OIDC_ISSUER,
            clientId: v.OIDC_CLIENT_ID,
            clientSecret: v.OIDC_CLIENT_SECRET ?? null,
            scopes: v.OIDC_SCOPES,
            emailClaims: v.OIDC_EMAIL_CLAIMS.split(','),
            selfRegistration: v.OIDC_SELF_REGISTRATION === 'true',
            redirectUri: `${publicUrl}/api/auth/oidc/callback`,
          }
        : null,
  };
}

export { CONFIG_VARIABLES };

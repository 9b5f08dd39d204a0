// Every environment variable the processes read; docker-compose.yml may only set these
// (tests/unit/compose.test.ts checks it).
export const CONFIG_VARIABLES = [
  'PORT',
  'PUBLIC_URL',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'TEMPORAL_UI_URL',
  'MONGODB_URI',
  'SMTP_URL',
  'MAIL_FROM',
  'MAILBOX_URL',
  'DATA_DIR',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'DEMO_DATA',
  'NODE_ENV',
  'LOG_LEVEL',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_SCOPES',
  'OIDC_EMAIL_CLAIMS',
  'OIDC_SELF_REGISTRATION',
] as const;

export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];

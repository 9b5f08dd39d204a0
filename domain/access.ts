// Which role may read and write each resource. The API's routers and the console's auth provider
// both ask this module, so the two cannot disagree. Object-level rules (whose initiative it is)
// come on top, in gates.ts.
import type { Role } from './types.js';

export type Operation = 'list' | 'show' | 'create' | 'edit' | 'delete';

/**
 * `everyone`: every active account; `own`: every active account, narrowed to the records that
 * concern the person (their own emails, the audit of initiatives they take part in);
 * `directory`: every active account sees names and units only (to pick and show people), never
 * email addresses or roles; a role list: those roles. Administrators may do everything that is
 * not in NEVER, and see whole records.
 */
export type Audience = 'everyone' | 'own' | 'directory' | readonly Role[];

const READ_ALL = { list: 'everyone', show: 'everyone' } as const;

export const ACCESS = {
  initiatives: { ...READ_ALL, create: ['project-manager'], edit: ['project-manager'], delete: [] },
  goals: { ...READ_ALL, create: ['governance'], edit: ['governance'], delete: ['governance'] },
  services: { ...READ_ALL, create: [], edit: [], delete: [] },
  benefits: { ...READ_ALL, create: ['project-manager', 'service-owner'], edit: ['project-manager', 'service-owner'], delete: ['project-manager', 'service-owner'] },
  measurements: { ...READ_ALL, create: 'everyone' },
  decisions: { ...READ_ALL },
  policies: { ...READ_ALL, edit: [] },
  people: { list: 'directory', show: 'directory', create: [], edit: [], delete: [] },
  emails: { list: 'own', show: 'own' },
  audit: { list: 'own', show: 'own' },
  boards: { ...READ_ALL, create: ['governance'], edit: ['governance'], delete: ['governance'] },
  checklists: { ...READ_ALL, edit: [] },
  conditions: { ...READ_ALL },
  'plan-changes': { ...READ_ALL, create: ['project-manager', 'service-owner'] },
  comments: { ...READ_ALL, create: 'everyone' },
  readiness: { ...READ_ALL, create: ['change-agent', 'project-manager'] },
  reviews: { ...READ_ALL },
  webhooks: { list: [], show: [], create: [], edit: [], delete: [] },
  deliveries: { list: [], show: [] },
} as const satisfies Record<string, Partial<Record<Operation, Audience>>>;

export type ResourceName = keyof typeof ACCESS;

/** Records nobody changes through the API or the console, administrators included. */
const NEVER: Partial<Record<ResourceName, readonly Operation[]>> = {
  decisions: ['create', 'edit', 'delete'],
  emails: ['create', 'edit', 'delete'],
  audit: ['create', 'edit', 'delete'],
  measurements: ['edit', 'delete'],
  policies: ['create', 'delete'],
  checklists: ['create', 'delete'],
  comments: ['edit', 'delete'],
  readiness: ['edit', 'delete'],
  deliveries: ['create', 'edit', 'delete'],
};

export type Scope = 'all' | 'own' | 'directory' | 'none';

/** How much of a resource a person with these roles may see or change. */
export function scopeOf(roles: readonly string[], resource: string, operation: Operation): Scope {
  if (!(resource in ACCESS) || roles.length === 0) return 'none';
  const name = resource as ResourceName;
  if (NEVER[name]?.includes(operation)) return 'none';
  if (roles.includes('admin')) return 'all';
  const audience = (ACCESS[name] as Partial<Record<Operation, Audience>>)[operation];
  if (audience === undefined) return 'none';
  if (audience === 'everyone') return 'all';
  if (audience === 'own' || audience === 'directory') return audience;
  return audience.some((role) => roles.includes(role)) ? 'all' : 'none';
}

export const mayAccess = (roles: readonly string[], resource: string, operation: Operation) => scopeOf(roles, resource, operation) !== 'none';

/** The fields of a person everyone may see. */
export const DIRECTORY_FIELDS = ['id', 'name', 'unit'] as const;

/** Whether the operation exists at all for the resource (405 when it does not). */
export const isOperationOffered = (resource: ResourceName, operation: Operation) =>
  !NEVER[resource]?.includes(operation) && operation in ACCESS[resource];

/**
 * A service owner without a broader role works from what they own: the console narrows their
 * lists to it by default (they can still see the rest).
 */
export const worksFromOwnRecords = (roles: readonly string[]) =>
  roles.includes('service-owner') && !['admin', 'project-manager', 'governance'].some((role) => roles.includes(role));

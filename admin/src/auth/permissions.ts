// Which role may do what in the console. The API enforces the same rules; this only shapes the UI.
import type { Gate, Role } from '../shared/types';

type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export' | string;
type Rule = Partial<Record<Action, readonly Role[] | 'everyone'>>;

const READ_ALL: Rule = { list: 'everyone', show: 'everyone', export: 'everyone' };
const ADMIN_ONLY: Rule = {};

const rules: Record<string, Rule> = {
    initiatives: { ...READ_ALL, create: ['project-manager', 'governance'], edit: ['project-manager', 'governance'] },
    goals: { ...READ_ALL, create: ['governance'], edit: ['governance'] },
    services: { ...READ_ALL },
    benefits: { ...READ_ALL, create: ['project-manager'], edit: ['project-manager'] },
    measurements: { ...READ_ALL, create: ['service-owner', 'project-manager'] },
    decisions: { ...READ_ALL },
    people: ADMIN_ONLY,
    policies: ADMIN_ONLY,
    audit: ADMIN_ONLY,
    emails: ADMIN_ONLY,
};

/** Records nobody edits or deletes through the console, administrators included. */
const neverAllowed: Record<string, readonly Action[]> = {
    initiatives: ['delete'],
    decisions: ['create', 'edit', 'delete'],
    emails: ['create', 'edit', 'delete'],
    audit: ['create', 'edit', 'delete'],
    measurements: ['edit', 'delete'],
    policies: ['create', 'delete'],
};

export const isAdmin = (roles: readonly string[]) => roles.includes('admin');

export const canAccessResource = (roles: readonly string[], resource: string, action: Action): boolean => {
    if (neverAllowed[resource]?.includes(action)) return false;
    if (isAdmin(roles)) return true;
    const allowed = rules[resource]?.[action];
    if (allowed === 'everyone') return roles.length > 0;
    return !!allowed && allowed.some(role => roles.includes(role));
};

/** Roles that may decide each gate (besides admin); the API also checks who the initiative names. */
const gateDeciders: Record<Gate, readonly Role[]> = {
    'goal-alignment': ['governance'],
    'owner-signoff': ['service-owner'],
    implementation: ['project-manager', 'service-owner'],
    'benefit-realisation': ['governance', 'service-owner'],
};

export const canDecideGate = (roles: readonly string[], gate: Gate) =>
    isAdmin(roles) || gateDeciders[gate].some(role => roles.includes(role));

export const canReportProgress = (roles: readonly string[]) =>
    ['admin', 'project-manager', 'change-agent', 'enthusiast'].some(role => roles.includes(role));

export const canAddMeasurement = (roles: readonly string[]) => canAccessResource(roles, 'measurements', 'create');

/**
 * A service owner without a broader role sees only what they own; the console
 * narrows their lists the same way the brief asks for.
 */
export const seesOnlyOwnRecords = (roles: readonly string[]) =>
    roles.includes('service-owner') &&
    !['admin', 'project-manager', 'governance'].some(role => roles.includes(role));

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

interface InitiativeParties {
    gate: Gate;
    gateStep?: 'decision' | 'confirmation';
    serviceOwnerId?: string;
    projectManagerId?: string;
    changeAgentIds?: string[];
}

/**
 * Who may decide the current gate step; mirrors the API's rule so the button only shows
 * where the API will accept it (the API still has the last word).
 */
export const canDecideGate = (roles: readonly string[], userId: string | undefined, initiative: InitiativeParties) => {
    if (isAdmin(roles)) return true;
    switch (initiative.gate) {
        case 'goal-alignment':
        case 'benefit-realisation':
            return roles.includes('governance');
        case 'owner-signoff':
            return !!userId && userId === initiative.serviceOwnerId;
        case 'implementation':
            return (
                !!userId &&
                userId === (initiative.gateStep === 'confirmation' ? initiative.serviceOwnerId : initiative.projectManagerId)
            );
    }
};

/** The project manager, a change agent of the initiative, or an administrator reports progress. */
export const canReportProgress = (roles: readonly string[], userId: string | undefined, initiative: InitiativeParties) =>
    isAdmin(roles) ||
    (!!userId && (userId === initiative.projectManagerId || !!initiative.changeAgentIds?.includes(userId)));

/** Benefit owner, service owner, project manager or administrator; without the initiative, roles decide. */
export const canAddMeasurement = (
    roles: readonly string[],
    userId: string | undefined,
    benefit: { ownerId?: string },
    initiative?: InitiativeParties
) => {
    if (isAdmin(roles)) return true;
    if (!userId) return false;
    if (benefit.ownerId === userId) return true;
    if (initiative) return userId === initiative.serviceOwnerId || userId === initiative.projectManagerId;
    return canAccessResource(roles, 'measurements', 'create');
};

/**
 * A service owner without a broader role sees only what they own; the console
 * narrows their lists the same way the brief asks for.
 */
export const seesOnlyOwnRecords = (roles: readonly string[]) =>
    roles.includes('service-owner') &&
    !['admin', 'project-manager', 'governance'].some(role => roles.includes(role));

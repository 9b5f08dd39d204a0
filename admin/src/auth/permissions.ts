// The console asks domain/access.ts, the module the API's routers ask, what a user may open.
// Object-level rules (whose initiative it is, which gate it is at) come from domain/gates.ts and
// domain/edits.ts where the buttons and inputs are drawn.
import { scopeOf, type Operation } from '@domain/access';

/** react-admin's access actions as the rule module's operations: exporting a list is listing it. */
const OPERATIONS: Partial<Record<string, Operation>> = {
    list: 'list',
    show: 'show',
    create: 'create',
    edit: 'edit',
    delete: 'delete',
    export: 'list',
    clone: 'create',
};

/**
 * A page or menu entry is offered where the user reads the whole resource or the part that
 * concerns them. The people directory (names and units only) is not a page: it is what reference
 * fields and pickers show.
 */
export const canAccessResource = (roles: readonly string[], resource: string, action: string): boolean => {
    const operation = OPERATIONS[action];
    if (!operation) return false;
    const scope = scopeOf(roles, resource, operation);
    return scope === 'all' || scope === 'own';
};

import { useGetIdentity, usePermissions } from 'react-admin';
import { isAdministrator, type Actor } from '@domain/gates';

/**
 * The logged-in user: roles (empty while loading), id, and the `actor` the rules in
 * domain/gates.ts take (undefined until both are known).
 */
export const useRoles = () => {
    const { permissions, isPending } = usePermissions<string[]>();
    const { identity } = useGetIdentity();
    const roles = permissions ?? [];
    const userId = identity?.id as string | undefined;
    const actor: Actor | undefined = userId ? { id: userId, roles } : undefined;
    return { roles, userId, actor, isAdmin: isAdministrator({ roles }), isPending };
};

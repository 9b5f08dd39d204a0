import { useGetIdentity, usePermissions } from 'react-admin';
import { isAdministrator, type Actor } from '@domain/gates';

/**
 * The logged-in user: roles (empty while loading), id, and the `actor` the rules in
 * domain/gates.ts take (undefined until both are known), and whom they stand in for today.
 */
export const useRoles = () => {
    const { permissions, isPending } = usePermissions<string[]>();
    const { identity } = useGetIdentity();
    const roles = permissions ?? [];
    const userId = identity?.id as string | undefined;
    const actor: Actor | undefined = userId ? { id: userId, roles } : undefined;
    const standingInFor: string[] = identity?.standingInFor ?? [];
    return { roles, userId, actor, standingInFor, isAdmin: isAdministrator({ roles }), isPending };
};

import { useGetIdentity, usePermissions } from 'react-admin';

/** The logged-in user's roles (empty while loading) and id. */
export const useRoles = () => {
    const { permissions, isPending } = usePermissions<string[]>();
    const { identity } = useGetIdentity();
    return { roles: permissions ?? [], userId: identity?.id as string | undefined, isPending };
};

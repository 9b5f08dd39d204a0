// A service owner without a broader role sees only what they own: lists get a permanent filter.
import { seesOnlyOwnRecords } from '../auth/permissions';
import { useRoles } from './useRoles';

export const useOwnScope = (ownerField: string) => {
    const { roles, userId, isPending } = useRoles();
    const scoped = seesOnlyOwnRecords(roles);
    return {
        ready: !isPending && (!scoped || !!userId),
        scoped,
        filter: scoped && userId ? { [ownerField]: userId } : undefined,
    };
};

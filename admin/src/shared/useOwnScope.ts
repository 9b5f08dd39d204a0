// A service owner without a broader role works from what they own (domain/access.ts): lists and
// the dashboard get a permanent filter on the owner field.
import { worksFromOwnRecords } from '@domain/access';
import { useRoles } from './useRoles';

export const useOwnScope = (ownerField: string) => {
    const { roles, userId, isPending } = useRoles();
    const scoped = worksFromOwnRecords(roles);
    return {
        ready: !isPending && (!scoped || !!userId),
        scoped,
        filter: scoped && userId ? { [ownerField]: userId } : undefined,
    };
};

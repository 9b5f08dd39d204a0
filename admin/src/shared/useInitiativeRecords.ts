import { useGetManyReference, type SortPayload } from 'react-admin';

/** The records of one resource that belong to an initiative (its benefits, comments, readiness answers …). */
export const useInitiativeRecords = <T extends { id: string }>(resource: string, initiativeId: string | undefined, sort: SortPayload, filter?: Record<string, unknown>) =>
    useGetManyReference<T>(resource, { target: 'initiativeId', id: initiativeId ?? '', filter, sort, pagination: { page: 1, perPage: 500 } }, { enabled: Boolean(initiativeId) });

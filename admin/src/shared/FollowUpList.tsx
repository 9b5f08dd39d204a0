// The lists of what decisions leave behind (conditions, plan changes, reviews, readiness): a line
// on what the list is for, its filters, and the resource's own columns.
import type { ReactElement, ReactNode } from 'react';
import { SelectInput, useResourceContext, type SortPayload } from 'react-admin';
import { ListIntro } from './ListIntro';
import { ResourceList } from './ResourceList';
import { RecordTable } from './columns';
import { referenceFilter } from './ReferenceFilter';
import { searchFilter } from './searchFilter';

/** Search, the status (always shown), what is particular to the list, and the initiative. */
export const followUpFilters = (statusChoices: { id: string | number; name: string }[], ...particular: ReactElement[]) => [
    searchFilter(),
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
    ...particular,
    referenceFilter('initiativeId', 'initiatives'),
];

interface FollowUpListProps {
    filters: ReactElement[];
    sort: SortPayload;
    /** E.g. only what is still open, until the user clears the filter. */
    filterDefaultValues?: Record<string, unknown>;
    children: ReactNode;
}

export const FollowUpList = ({ filters, sort, filterDefaultValues, children }: FollowUpListProps) => {
    const resource = useResourceContext();
    return (
        <ResourceList filters={filters} filterDefaultValues={filterDefaultValues} sort={sort}>
            <ListIntro message={`resources.${resource}.subtitle`} />
            <RecordTable>{children}</RecordTable>
        </ResourceList>
    );
};

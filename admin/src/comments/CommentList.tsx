// What people said about initiatives, newest first: enthusiasts' views the deciders read.
import { DataTable, SelectInput } from 'react-admin';
import { ResourceList } from '../shared/ResourceList';
import { RecordTable } from '../shared/columns';
import { gateChoices } from '../shared/choices';
import { referenceFilter } from '../shared/ReferenceFilter';
import { searchFilter } from '../shared/searchFilter';
import { ActorColumns, AtGateColumns } from '../shared/trailColumns';

const commentFilters = [searchFilter(), <SelectInput key="gate" source="gate" choices={gateChoices} alwaysOn />, referenceFilter('initiativeId', 'initiatives')];

export const CommentList = () => (
    <ResourceList filters={commentFilters} sort={{ field: 'at', order: 'DESC' }}>
        <RecordTable>
            <AtGateColumns />
            <DataTable.Col source="text" />
            <ActorColumns source="authorId" emptyText="–" />
        </RecordTable>
    </ResourceList>
);

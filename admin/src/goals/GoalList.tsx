import { BooleanField, BooleanInput, DataTable } from 'react-admin';
import { ResourceList } from '../shared/ResourceList';
import { LinkColumn, NumberColumn, RecordTable } from '../shared/columns';
import { searchFilter } from '../shared/searchFilter';

const goalFilters = [searchFilter(), <BooleanInput key="active" source="active" />];

export const GoalList = () => (
    <ResourceList filters={goalFilters} sort={{ field: 'code', order: 'ASC' }} filterDefaultValues={{ active: true }}>
        <RecordTable>
            <LinkColumn source="code" />
            <DataTable.Col source="title" />
            <NumberColumn source="weight" />
            <DataTable.Col source="active">
                <BooleanField source="active" />
            </DataTable.Col>
        </RecordTable>
    </ResourceList>
);

import { BooleanField, BooleanInput, DataTable } from 'react-admin';
import { ResourceList } from '../shared/ResourceList';
import { LinkColumn, NumberColumn, RecordTable, ReferenceColumn } from '../shared/columns';
import { searchFilter } from '../shared/searchFilter';
import { GoalPeriodField } from './GoalPeriodField';

const goalFilters = [searchFilter(), <BooleanInput key="active" source="active" />];

export const GoalList = () => (
    <ResourceList filters={goalFilters} sort={{ field: 'code', order: 'ASC' }} filterDefaultValues={{ active: true }}>
        <RecordTable>
            <LinkColumn source="code" />
            <DataTable.Col source="title" />
            <ReferenceColumn source="parentId" reference="goals" emptyText="–" />
            <DataTable.Col source="periodFrom" label="resources.goals.fields.period">
                <GoalPeriodField />
            </DataTable.Col>
            <NumberColumn source="weight" />
            <DataTable.Col source="active">
                <BooleanField source="active" />
            </DataTable.Col>
        </RecordTable>
    </ResourceList>
);

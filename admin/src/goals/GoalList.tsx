import { BooleanField, BooleanInput, DataTable, List, NumberField } from 'react-admin';
import { EmptyState } from '../shared/EmptyState';
import { searchFilter } from '../shared/searchFilter';
import { RecordLinkField } from '../shared/RecordLinkField';

const goalFilters = [searchFilter(), <BooleanInput key="active" source="active" />];

export const GoalList = () => (
    <List filters={goalFilters} sort={{ field: 'code', order: 'ASC' }} filterDefaultValues={{ active: true }} empty={<EmptyState />}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="code">
                <RecordLinkField source="code" />
            </DataTable.Col>
            <DataTable.Col source="title" />
            <DataTable.Col source="weight" align="right">
                <NumberField source="weight" />
            </DataTable.Col>
            <DataTable.Col source="active">
                <BooleanField source="active" />
            </DataTable.Col>
        </DataTable>
    </List>
);

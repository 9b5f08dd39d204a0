import { DataTable, List, ReferenceField } from 'react-admin';
import { EmptyState } from '../shared/EmptyState';
import { searchFilter } from '../shared/searchFilter';
import { RecordLinkField } from '../shared/RecordLinkField';

export const ServiceList = () => (
    <List filters={[searchFilter()]} sort={{ field: 'name', order: 'ASC' }} empty={<EmptyState />}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="name">
                <RecordLinkField source="name" />
            </DataTable.Col>
            <DataTable.Col source="ownerId">
                <ReferenceField source="ownerId" reference="people" link={false} />
            </DataTable.Col>
            <DataTable.Col source="description" />
        </DataTable>
    </List>
);

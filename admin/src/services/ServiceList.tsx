import { DataTable } from 'react-admin';
import { ResourceList } from '../shared/ResourceList';
import { LinkColumn, RecordTable, ReferenceColumn } from '../shared/columns';
import { searchFilter } from '../shared/searchFilter';

export const ServiceList = () => (
    <ResourceList filters={[searchFilter()]} sort={{ field: 'name', order: 'ASC' }}>
        <RecordTable>
            <LinkColumn source="name" />
            <ReferenceColumn source="ownerId" reference="people" />
            <DataTable.Col source="description" />
        </RecordTable>
    </ResourceList>
);

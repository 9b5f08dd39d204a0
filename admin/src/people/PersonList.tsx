import { BooleanField, DataTable, EmailField, SelectInput } from 'react-admin';
import { ResourceList } from '../shared/ResourceList';
import { EnumColumn, LinkColumn, RecordTable, ReferenceColumn } from '../shared/columns';
import { roleChoices } from '../shared/choices';
import { searchFilter } from '../shared/searchFilter';

const personFilters = [searchFilter(), <SelectInput key="roles" source="roles" choices={roleChoices} alwaysOn />];

/** Whole person records, for administrators; everyone else sees people only by name in references. */
export const PersonList = () => (
    <ResourceList filters={personFilters} sort={{ field: 'name', order: 'ASC' }}>
        <RecordTable>
            <LinkColumn source="name" />
            <DataTable.Col source="email">
                <EmailField source="email" />
            </DataTable.Col>
            <EnumColumn source="roles" group="role" chip />
            <DataTable.Col source="unit" />
            <ReferenceColumn source="managerId" reference="people" />
            <DataTable.Col source="active">
                <BooleanField source="active" />
            </DataTable.Col>
            <DataTable.Col source="localLogin">
                <BooleanField source="localLogin" />
            </DataTable.Col>
        </RecordTable>
    </ResourceList>
);

import { DataTable, EmailField, List, ReferenceField, SelectInput, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { EmptyState } from '../shared/EmptyState';
import { roleChoices } from '../shared/choices';
import { searchFilter } from '../shared/searchFilter';
import { RecordLinkField } from '../shared/RecordLinkField';

const personFilters = [searchFilter(), <SelectInput key="roles" source="roles" choices={roleChoices} alwaysOn />];

export const PersonList = () => (
    <List filters={personFilters} sort={{ field: 'name', order: 'ASC' }} empty={<EmptyState />}>
        <DataTable rowClick="show">
            <DataTable.Col source="name">
                <RecordLinkField source="name" />
            </DataTable.Col>
            <DataTable.Col source="email">
                <EmailField source="email" />
            </DataTable.Col>
            <DataTable.Col source="roles" disableSort>
                <EnumField source="roles" group="role" variant="chip" />
            </DataTable.Col>
            <DataTable.Col source="unit">
                <TextField source="unit" />
            </DataTable.Col>
            <DataTable.Col source="managerId">
                <ReferenceField source="managerId" reference="people" link={false} />
            </DataTable.Col>
        </DataTable>
    </List>
);

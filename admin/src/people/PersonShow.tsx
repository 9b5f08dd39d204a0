import { ArrayField, BooleanField, DataTable, EmailField, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { RecordShow } from '../shared/pages';

export const PersonShow = () => (
    <RecordShow>
        <TextField source="name" />
        <EmailField source="email" />
        <EnumField source="roles" group="role" variant="chip" />
        <BooleanField source="active" />
        <BooleanField source="localLogin" />
        <TextField source="unit" />
        <ReferenceField source="managerId" reference="people" emptyText="–" />
        <EnumField source="locale" group="locale" />
        <ArrayField source="absences">
            <DataTable bulkActionButtons={false} rowClick={false} empty={<span>–</span>}>
                <DataTable.Col source="from" label="resources.people.fields.from">
                    <LocaleDateField source="from" />
                </DataTable.Col>
                <DataTable.Col source="to" label="resources.people.fields.to">
                    <LocaleDateField source="to" />
                </DataTable.Col>
                <DataTable.Col source="deputyId" label="resources.people.fields.deputyId">
                    <ReferenceField source="deputyId" reference="people" link={false} />
                </DataTable.Col>
            </DataTable>
        </ArrayField>
        <LocaleDateField source="createdAt" showTime />
    </RecordShow>
);

import { EmailField, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { RecordShow } from '../shared/pages';

export const PersonShow = () => (
    <RecordShow>
        <TextField source="name" />
        <EmailField source="email" />
        <EnumField source="roles" group="role" variant="chip" />
        <TextField source="unit" />
        <ReferenceField source="managerId" reference="people" emptyText="–" />
        <EnumField source="locale" group="locale" />
        <LocaleDateField source="createdAt" showTime />
    </RecordShow>
);

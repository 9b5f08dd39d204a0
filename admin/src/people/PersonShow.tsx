import { EmailField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';

export const PersonShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="name" />
            <EmailField source="email" />
            <EnumField source="roles" group="role" variant="chip" />
            <TextField source="unit" />
            <ReferenceField source="managerId" reference="people" emptyText="–" />
            <EnumField source="locale" group="locale" />
            <LocaleDateField source="createdAt" showTime />
        </SimpleShowLayout>
    </Show>
);

import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';

export const EmailShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="subject" />
            <TextField source="to" />
            <EnumField source="kind" group="emailKind" />
            <EnumField source="status" group="emailStatus" variant="chip" />
            <LocaleDateField source="sentAt" showTime emptyText="–" />
            <ReferenceField source="initiativeId" reference="initiatives" emptyText="–" />
        </SimpleShowLayout>
    </Show>
);

import { ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { RecordShow } from '../shared/pages';

export const EmailShow = () => (
    <RecordShow>
        <TextField source="subject" />
        <TextField source="to" />
        <EnumField source="kind" group="emailKind" />
        <EnumField source="status" group="emailStatus" variant="chip" />
        <LocaleDateField source="sentAt" showTime emptyText="–" />
        <ReferenceField source="initiativeId" reference="initiatives" emptyText="–" />
    </RecordShow>
);

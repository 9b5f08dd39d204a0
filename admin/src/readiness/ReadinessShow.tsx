import { ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { RecordShow } from '../shared/pages';

export const ReadinessShow = () => (
    <RecordShow>
        <ReferenceField source="initiativeId" reference="initiatives" />
        <TextField source="unit" />
        <EnumField source="status" group="readiness" variant="chip" />
        <TextField source="note" emptyText="–" />
        <ReferenceField source="personId" reference="people" link={false} emptyText="–" />
        <EnumField source="channel" group="channel" />
        <LocaleDateField source="at" showTime />
    </RecordShow>
);

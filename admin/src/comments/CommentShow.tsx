import { ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { RecordShow } from '../shared/pages';

export const CommentShow = () => (
    <RecordShow>
        <ReferenceField source="initiativeId" reference="initiatives" />
        <EnumField source="gate" group="gate" />
        <TextField source="text" sx={{ whiteSpace: 'pre-wrap' }} />
        <ReferenceField source="authorId" reference="people" link={false} emptyText="–" />
        <EnumField source="channel" group="channel" />
        <LocaleDateField source="at" showTime />
    </RecordShow>
);

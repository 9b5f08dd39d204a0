import { ReferenceField, TextField, TopToolbar } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { RecordShow } from '../shared/pages';
import { ReviewDecideButton } from './ReviewDecideButton';

export const ReviewShow = () => (
    <RecordShow actions={<TopToolbar><ReviewDecideButton /></TopToolbar>}>
        <ReferenceField source="initiativeId" reference="initiatives" />
        <LocaleDateField source="dueAt" />
        <EnumField source="status" group="reviewState" variant="chip" />
        <EnumField source="decision" group="reviewDecision" />
        <TextField source="note" emptyText="–" />
        <ReferenceField source="byId" reference="people" link={false} emptyText="–" />
        <LocaleDateField source="at" showTime emptyText="–" />
    </RecordShow>
);

import { ReferenceField, TextField, TopToolbar } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { RecordShow } from '../shared/pages';
import { CloseConditionButtons } from './CloseConditionButtons';

export const ConditionShow = () => (
    <RecordShow actions={<TopToolbar><CloseConditionButtons /></TopToolbar>}>
        <TextField source="text" />
        <ReferenceField source="initiativeId" reference="initiatives" />
        <EnumField source="gate" group="gate" />
        <ReferenceField source="ownerId" reference="people" link={false} />
        <LocaleDateField source="dueAt" />
        <EnumField source="status" group="conditionState" variant="chip" />
        <TextField source="note" emptyText="–" />
        <ReferenceField source="closedById" reference="people" link={false} emptyText="–" />
        <LocaleDateField source="closedAt" showTime emptyText="–" />
    </RecordShow>
);

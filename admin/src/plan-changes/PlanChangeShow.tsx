import { Labeled, ReferenceField, TextField, TopToolbar } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { RecordShow } from '../shared/pages';
import { AnswerPlanChangeButtons } from './AnswerPlanChangeButtons';
import { ChangesField } from './ChangesField';

export const PlanChangeShow = () => (
    <RecordShow actions={<TopToolbar><AnswerPlanChangeButtons /></TopToolbar>}>
        <ReferenceField source="initiativeId" reference="initiatives" />
        <ReferenceField source="benefitId" reference="benefits" />
        <EnumField source="operation" group="planOperation" />
        <Labeled source="changes" fullWidth>
            <ChangesField />
        </Labeled>
        <TextField source="reason" emptyText="–" />
        <ReferenceField source="requestedById" reference="people" link={false} emptyText="–" />
        <LocaleDateField source="createdAt" showTime />
        <EnumField source="status" group="planChangeState" variant="chip" />
        <ReferenceField source="decidedById" reference="people" link={false} emptyText="–" />
        <TextField source="comment" emptyText="–" />
        <LocaleDateField source="at" showTime emptyText="–" />
    </RecordShow>
);

// A goal and the initiatives that serve it (initiatives carry goalIds, derived from goalLinks).
import { BooleanField, NumberField, TextField } from 'react-admin';
import { RelatedInitiatives } from '../initiatives/RelatedInitiatives';
import { RecordShow } from '../shared/pages';

export const GoalShow = () => (
    <RecordShow>
        <TextField source="code" />
        <TextField source="title" />
        <TextField source="description" />
        <NumberField source="weight" />
        <BooleanField source="active" />
        <RelatedInitiatives target="goalIds" label="resources.goals.fields.initiatives" emptyMessage="resources.goals.no_initiatives" />
    </RecordShow>
);

// A board, its members and the initiatives it governs.
import { ReferenceArrayField, ReferenceField, TextField } from 'react-admin';
import { RelatedInitiatives } from '../initiatives/RelatedInitiatives';
import { RecordShow } from '../shared/pages';

export const BoardShow = () => (
    <RecordShow>
        <TextField source="name" />
        <ReferenceField source="chairId" reference="people" link={false} emptyText="–" />
        <ReferenceArrayField source="memberIds" reference="people" />
        <RelatedInitiatives target="boardId" label="resources.boards.fields.initiatives" emptyMessage="resources.boards.no_initiatives" />
    </RecordShow>
);

// A benefit review wherever reviews are listed.
import { DataTable, TextField } from 'react-admin';
import { DateColumn, EnumColumn, ReferenceColumn } from '../shared/columns';
import { InitiativeColumn } from '../shared/trailColumns';
import { ReviewDecideButton } from './ReviewDecideButton';

export const ReviewColumns = ({ withInitiative = false }: { withInitiative?: boolean }) => (
    <>
        <DateColumn source="dueAt" linked />
        {withInitiative && <InitiativeColumn />}
        <EnumColumn source="status" group="reviewState" chip />
        <EnumColumn source="decision" group="reviewDecision" />
        <DataTable.Col source="note">
            <TextField source="note" emptyText="–" />
        </DataTable.Col>
        <ReferenceColumn source="byId" reference="people" emptyText="–" />
        <DataTable.Col label="app.review.actions" disableSort>
            <ReviewDecideButton />
        </DataTable.Col>
    </>
);

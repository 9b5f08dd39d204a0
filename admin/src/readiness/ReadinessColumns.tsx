// A unit's readiness answer wherever answers are listed.
import { DataTable, TextField } from 'react-admin';
import { DateColumn, EnumColumn, LinkColumn, ReferenceColumn } from '../shared/columns';
import { InitiativeColumn } from '../shared/trailColumns';

export const ReadinessColumns = ({ withInitiative = false }: { withInitiative?: boolean }) => (
    <>
        <LinkColumn source="unit" />
        {withInitiative && <InitiativeColumn />}
        <EnumColumn source="status" group="readiness" chip />
        <DataTable.Col source="note">
            <TextField source="note" emptyText="–" />
        </DataTable.Col>
        <ReferenceColumn source="personId" reference="people" emptyText="–" />
        <DateColumn source="at" showTime />
    </>
);

// A condition wherever conditions are listed: on their own list and on the initiative's page.
import { Chip } from '@mui/material';
import { DataTable, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DateColumn, EnumColumn, LinkColumn, ReferenceColumn } from '../shared/columns';
import { EnumField } from '../shared/EnumField';
import { InitiativeColumn } from '../shared/trailColumns';
import { CloseConditionButtons } from './CloseConditionButtons';
import type { Condition } from '../shared/types';

/** An open condition past its due date says so beside its status. */
const Overdue = () => {
    const condition = useRecordContext<Condition>();
    const translate = useTranslate();
    if (condition?.status !== 'open' || new Date(condition.dueAt).getTime() > Date.now()) return null;
    return <Chip size="small" color="error" variant="outlined" label={translate('app.condition.overdue')} sx={{ ml: 0.5 }} />;
};

export const ConditionColumns = ({ withInitiative = false }: { withInitiative?: boolean }) => (
    <>
        <LinkColumn source="text" />
        {withInitiative && <InitiativeColumn />}
        <EnumColumn source="gate" group="gate" />
        <ReferenceColumn source="ownerId" reference="people" />
        <DateColumn source="dueAt" />
        <DataTable.Col source="status">
            <EnumField source="status" group="conditionState" variant="chip" />
            <Overdue />
        </DataTable.Col>
        <DataTable.Col source="note">
            <TextField source="note" emptyText="–" />
        </DataTable.Col>
        <DataTable.Col label="app.condition.actions" disableSort>
            <CloseConditionButtons />
        </DataTable.Col>
    </>
);

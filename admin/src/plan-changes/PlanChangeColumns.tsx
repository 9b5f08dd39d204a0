// A plan change wherever plan changes are listed.
import { DataTable, TextField } from 'react-admin';
import { DateColumn, EnumColumn, ReferenceColumn } from '../shared/columns';
import { InitiativeColumn } from '../shared/trailColumns';
import { AnswerPlanChangeButtons } from './AnswerPlanChangeButtons';
import { ChangesField } from './ChangesField';

export const PlanChangeColumns = ({ withInitiative = false }: { withInitiative?: boolean }) => (
    <>
        <DateColumn source="createdAt" showTime linked />
        {withInitiative && <InitiativeColumn />}
        <ReferenceColumn source="benefitId" reference="benefits" />
        <EnumColumn source="operation" group="planOperation" />
        <DataTable.Col source="changes" disableSort>
            <ChangesField />
        </DataTable.Col>
        <DataTable.Col source="reason">
            <TextField source="reason" emptyText="–" />
        </DataTable.Col>
        <ReferenceColumn source="requestedById" reference="people" emptyText="–" />
        <EnumColumn source="status" group="planChangeState" chip />
        <DataTable.Col label="app.plan_change.actions" disableSort>
            <AnswerPlanChangeButtons />
        </DataTable.Col>
    </>
);

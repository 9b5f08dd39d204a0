// Escalation policies, one per gate; ISO-8601 durations such as P3D (three days) or PT5S (five seconds).
// Everyone may read them; administrators open one to edit it.
import { DataTable, List, TextField, useCanAccess } from 'react-admin';
import { EnumColumn, LinkColumn, RecordTable } from '../shared/columns';
import { EnumField } from '../shared/EnumField';
import { EmptyState } from '../shared/EmptyState';

const GateColumn = ({ editable }: { editable: boolean }) =>
    editable ? (
        <LinkColumn source="id" label="resources.policies.fields.gate" type="edit">
            <EnumField source="id" group="gate" />
        </LinkColumn>
    ) : (
        <EnumColumn source="id" label="resources.policies.fields.gate" group="gate" />
    );

export const PolicyList = () => {
    const { canAccess: editable = false } = useCanAccess({ resource: 'policies', action: 'edit' });
    return (
        <List pagination={false} perPage={10} sort={{ field: 'id', order: 'ASC' }} empty={<EmptyState />} exporter={false}>
            <RecordTable rowClick={editable ? 'edit' : false}>
                <GateColumn editable={editable} />
                <DataTable.Col source="remindAfter" />
                <DataTable.Col source="escalateAfter" />
                <DataTable.Col source="stalledAfter" />
                <EnumColumn source="calendar" group="calendar" />
                <DataTable.Col source="reportEvery">
                    <TextField source="reportEvery" emptyText="–" />
                </DataTable.Col>
            </RecordTable>
        </List>
    );
};

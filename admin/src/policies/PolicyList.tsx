// Escalation policies, one per gate; ISO-8601 durations such as P3D (three days) or PT5S (five seconds).
import { DataTable, List, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { EmptyState } from '../shared/EmptyState';
import { RecordLinkField } from '../shared/RecordLinkField';

export const PolicyList = () => (
    <List pagination={false} perPage={10} sort={{ field: 'id', order: 'ASC' }} empty={<EmptyState showCreate={false} />} exporter={false}>
        <DataTable rowClick="edit" bulkActionButtons={false}>
            <DataTable.Col source="id" label="resources.policies.fields.gate">
                <RecordLinkField source="id" type="edit">
                    <EnumField source="id" group="gate" />
                </RecordLinkField>
            </DataTable.Col>
            <DataTable.Col source="remindAfter" />
            <DataTable.Col source="escalateAfter" />
            <DataTable.Col source="stalledAfter" />
            <DataTable.Col source="calendar">
                <EnumField source="calendar" group="calendar" />
            </DataTable.Col>
            <DataTable.Col source="reportEvery">
                <TextField source="reportEvery" emptyText="–" />
            </DataTable.Col>
        </DataTable>
    </List>
);

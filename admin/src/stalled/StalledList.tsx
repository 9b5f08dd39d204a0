// Administrators' list of stalled initiatives: who they wait on, for how long, and what to do about it.
import { Box } from '@mui/material';
import { DataTable, List, Loading } from 'react-admin';
import { AdminActionButtons, AdminBulkActionButtons } from '../actions/AdminActionButtons';
import { AccessDeniedPage } from '../layout/StatusPages';
import { DateColumn, EnumColumn, LinkColumn, RecordTable } from '../shared/columns';
import { EmptyState } from '../shared/EmptyState';
import { ListIntro } from '../shared/ListIntro';
import { WaitedField, WaitingOnField } from '../shared/WaitFields';
import { useRoles } from '../shared/useRoles';

const StalledTable = () => (
    <List
        resource="initiatives"
        title="app.stalled.title"
        filter={{ stalled: true, status: 'active' }}
        sort={{ field: 'gateEnteredAt', order: 'ASC' }}
        storeKey="stalled"
        empty={<EmptyState message="app.stalled.empty" showCreate={false} />}
        exporter={false}
        actions={false}
    >
        <ListIntro message="app.stalled.intro" />
        <RecordTable bulkActionButtons={<AdminBulkActionButtons />}>
            <LinkColumn source="title" />
            <EnumColumn source="gate" group="gate" />
            <DataTable.Col source="gateEnteredAt" label="app.stalled.waited">
                <WaitedField />
            </DataTable.Col>
            <DataTable.Col label="app.stalled.waiting_on" disableSort>
                <WaitingOnField />
            </DataTable.Col>
            <DateColumn source="gateDueAt" />
            <EnumColumn source="escalationLevel" group="escalation" />
            <DataTable.Col label="app.stalled.actions" disableSort>
                <AdminActionButtons size="small" />
            </DataTable.Col>
        </RecordTable>
    </List>
);

export const StalledList = () => {
    const { isAdmin, isPending } = useRoles();
    if (isPending) return <Loading />;
    if (!isAdmin) return <AccessDeniedPage />;
    return (
        <Box data-testid="stalled-list">
            <StalledTable />
        </Box>
    );
};

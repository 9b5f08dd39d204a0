// Administrators' list of stalled initiatives: who they wait on, for how long, and what to do about it.
import { Box, Typography } from '@mui/material';
import { DataTable, List, Loading, useTranslate } from 'react-admin';
import { AdminActionButtons, AdminBulkActionButtons } from '../actions/AdminActionButtons';
import { isAdmin } from '../auth/permissions';
import { AccessDeniedPage } from '../layout/StatusPages';
import { EnumField } from '../shared/EnumField';
import { EmptyState } from '../shared/EmptyState';
import { LocaleDateField } from '../shared/LocaleFields';
import { WaitedField, WaitingOnField } from '../shared/WaitFields';
import { useRoles } from '../shared/useRoles';
import { RecordLinkField } from '../shared/RecordLinkField';

const Intro = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" sx={{ px: 2, pt: 1 }}>
            {translate('app.stalled.intro')}
        </Typography>
    );
};

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
        <Intro />
        <DataTable rowClick="show" bulkActionButtons={<AdminBulkActionButtons />}>
            <DataTable.Col source="title">
                <RecordLinkField source="title" />
            </DataTable.Col>
            <DataTable.Col source="gate">
                <EnumField source="gate" group="gate" />
            </DataTable.Col>
            <DataTable.Col source="gateEnteredAt" label="app.stalled.waited">
                <WaitedField />
            </DataTable.Col>
            <DataTable.Col label="app.stalled.waiting_on" disableSort>
                <WaitingOnField />
            </DataTable.Col>
            <DataTable.Col source="gateDueAt">
                <LocaleDateField source="gateDueAt" />
            </DataTable.Col>
            <DataTable.Col source="escalationLevel">
                <EnumField source="escalationLevel" group="escalation" />
            </DataTable.Col>
            <DataTable.Col label="app.stalled.actions" disableSort>
                <AdminActionButtons size="small" />
            </DataTable.Col>
        </DataTable>
    </List>
);

export const StalledList = () => {
    const { roles, isPending } = useRoles();
    if (isPending) return <Loading />;
    if (!isAdmin(roles)) return <AccessDeniedPage />;
    return (
        <Box data-testid="stalled-list">
            <StalledTable />
        </Box>
    );
};

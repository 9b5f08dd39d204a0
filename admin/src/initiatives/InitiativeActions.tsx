// Show-page toolbar: only the actions the user's roles allow for the initiative's current gate.
import { Stack } from '@mui/material';
import { EditButton, TopToolbar, useRecordContext } from 'react-admin';
import { DecideButton } from '../actions/DecideButton';
import { ProgressButton } from '../actions/ProgressButton';
import { AdminActionButtons } from '../actions/AdminActionButtons';
import { canDecideGate, canReportProgress, isAdmin } from '../auth/permissions';
import { useRoles } from '../shared/useRoles';
import { TemporalLink } from './WorkflowState';
import type { Initiative } from '../shared/types';

export const InitiativeActions = () => {
    const record = useRecordContext<Initiative>();
    const { roles, userId } = useRoles();
    if (!record) return <TopToolbar />;
    return (
        <TopToolbar sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
            {canDecideGate(roles, userId, record) && <DecideButton />}
            {canReportProgress(roles, userId, record) && <ProgressButton />}
            <TemporalLink />
            <EditButton />
            {isAdmin(roles) && (
                <Stack direction="row" sx={{ width: '100%', justifyContent: 'flex-end' }} data-testid="admin-actions">
                    <AdminActionButtons size="small" />
                </Stack>
            )}
        </TopToolbar>
    );
};

// Show-page toolbar: only the actions domain/gates.ts allows this user on this initiative now.
import { Stack } from '@mui/material';
import { DeleteButton, EditButton, TopToolbar, useRecordContext } from 'react-admin';
import { mayDeleteInitiative, mayEditInitiative, mayReportProgress } from '@domain/gates';
import { DecideButton } from '../actions/DecideButton';
import { ProgressButton } from '../actions/ProgressButton';
import { SubmitButton } from '../actions/SubmitButton';
import { AdminActionButtons } from '../actions/AdminActionButtons';
import { TemporalLink } from './WorkflowState';
import { InitiativeReportButton } from '../reports/ReportLink';
import { isClosed, stepOf } from './position';
import { useInitiativeRules } from './useInitiativeRules';
import { useRoles } from '../shared/useRoles';
import type { Initiative } from '../shared/types';

export const InitiativeActions = () => {
    const record = useRecordContext<Initiative>();
    const rules = useInitiativeRules(record);
    const { actor, isAdmin } = useRoles();
    if (!record || !actor) return <TopToolbar />;
    return (
        <TopToolbar sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }} data-testid="initiative-actions">
            {rules.maySubmit && <SubmitButton />}
            {rules.mayDecideAt(record.gate, stepOf(record)) && <DecideButton />}
            {mayReportProgress(actor, record) && <ProgressButton />}
            <TemporalLink />
            <InitiativeReportButton />
            {mayEditInitiative(actor, record) && !isClosed(record) && <EditButton />}
            {mayDeleteInitiative(actor, record) && <DeleteButton mutationMode="pessimistic" />}
            {isAdmin && (
                <Stack direction="row" sx={{ width: '100%', justifyContent: 'flex-end' }} data-testid="admin-actions">
                    <AdminActionButtons size="small" />
                </Stack>
            )}
        </TopToolbar>
    );
};

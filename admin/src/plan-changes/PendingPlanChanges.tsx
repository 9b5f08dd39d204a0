// On an initiative's benefits: the changes to its accepted plan that wait for the service owner,
// what each would change and why, with accept and reject for the owner.
import { Alert, AlertTitle } from '@mui/material';
import { useTranslate } from 'react-admin';
import { RecordsTable } from '../shared/RecordsTable';
import { useInitiativeRecords } from '../shared/useInitiativeRecords';
import { PlanChangeColumns } from './PlanChangeColumns';
import type { Initiative, PlanChange } from '../shared/types';

export const PendingPlanChanges = ({ initiative }: { initiative: Initiative }) => {
    const translate = useTranslate();
    const { data: pending = [] } = useInitiativeRecords<PlanChange>('plan-changes', initiative.id, { field: 'createdAt', order: 'ASC' }, { status: 'pending' });
    if (pending.length === 0) return null;
    return (
        <Alert
            severity="warning"
            icon={false}
            component="section"
            aria-labelledby="pending-plan-changes"
            data-testid="pending-plan-changes"
            sx={{ '& .MuiAlert-message': { width: '100%', minWidth: 0 } }}
        >
            <AlertTitle id="pending-plan-changes" component="h3">
                {translate('app.plan_change.pending_title', { smart_count: pending.length })}
            </AlertTitle>
            {translate('app.plan_change.pending_help')}
            <RecordsTable resource="plan-changes" records={pending} testId="pending-plan-changes-table">
                <PlanChangeColumns />
            </RecordsTable>
        </Alert>
    );
};

// Portfolio overview: gates, priorities, gaps, stalls and benefit realisation.
import { Alert, Box } from '@mui/material';
import { Loading, Title, useTranslate } from 'react-admin';
import { flattenTree } from '@domain/goals';
import { PortfolioByGate } from './PortfolioByGate';
import { PriorityRanking } from './PriorityRanking';
import { StalledSection } from './StalledSection';
import { GoalsWithoutInitiatives } from './GoalsWithoutInitiatives';
import { RealisationChart } from './RealisationChart';
import { GoalScoreboard } from './GoalScoreboard';
import { OwnerScoreboard } from './OwnerScoreboard';
import { useGoalsReport, useOwnersReport } from './useReports';
import { useOwnScope } from '../shared/useOwnScope';

export const Dashboard = () => {
    const translate = useTranslate();
    const scope = useOwnScope('serviceOwnerId');
    const goals = useGoalsReport();
    const owners = useOwnersReport();
    if (!scope.ready) return <Loading />;
    // Top-level goals carry their sub-goals' figures; the chart compares those.
    const goalRows = (goals.data ?? []).map(row => ({ ...row, label: row.code }));
    const ownerRows = (owners.data ?? []).map(row => ({ ...row, label: row.ownerName }));

    return (
        <Box sx={{ display: 'grid', gap: 2, mt: 2, alignItems: 'start', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }} data-testid="dashboard">
            <Title title="ra.page.dashboard" />
            <PortfolioByGate scope={scope.filter} />
            <PriorityRanking scope={scope.filter} />
            <StalledSection scope={scope.filter} />
            {(goals.error || owners.error) && (
                <Alert severity="warning" sx={{ gridColumn: '1 / -1' }}>
                    {translate('app.dashboard.reports_failed')}
                </Alert>
            )}
            <GoalScoreboard rows={goals.data ?? []} loading={goals.isPending && !goals.error} />
            <GoalsWithoutInitiatives rows={flattenTree(goals.data ?? [])} loading={goals.isPending && !goals.error} />
            <RealisationChart id="benefits-by-goal" title="app.dashboard.by_goal" groupLabel="resources.goals.fields.code" rows={goalRows} loading={goals.isPending && !goals.error} />
            <RealisationChart id="benefits-by-owner" title="app.dashboard.by_owner" groupLabel="resources.benefits.fields.ownerId" rows={ownerRows} loading={owners.isPending && !owners.error} />
            <OwnerScoreboard rows={owners.data ?? []} loading={owners.isPending && !owners.error} />
        </Box>
    );
};

// Portfolio overview: gates, priorities, gaps, stalls and benefit realisation.
import { Alert, Box } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useTranslate } from 'react-admin';
import { PortfolioByGate } from './PortfolioByGate';
import { PriorityRanking } from './PriorityRanking';
import { StalledSection } from './StalledSection';
import { GoalsWithoutInitiatives } from './GoalsWithoutInitiatives';
import { RealisationChart } from './RealisationChart';
import { useConsoleDataProvider } from '../shared/useConsoleDataProvider';
import { useOwnScope } from '../shared/useOwnScope';

const useReports = () => {
    const dataProvider = useConsoleDataProvider();
    const goals = useQuery({ queryKey: ['reports', 'goals'], queryFn: () => dataProvider.getGoalsReport() });
    const owners = useQuery({ queryKey: ['reports', 'owners'], queryFn: () => dataProvider.getOwnersReport() });
    return { goals, owners };
};

export const Dashboard = () => {
    const translate = useTranslate();
    const scope = useOwnScope('serviceOwnerId');
    const { goals, owners } = useReports();
    if (!scope.ready) return <Loading />;
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
            <GoalsWithoutInitiatives rows={goals.data ?? []} loading={goals.isPending && !goals.error} />
            <RealisationChart id="benefits-by-goal" title="app.dashboard.by_goal" groupLabel="resources.goals.fields.code" rows={goalRows} loading={goals.isPending && !goals.error} />
            <RealisationChart id="benefits-by-owner" title="app.dashboard.by_owner" groupLabel="resources.benefits.fields.ownerId" rows={ownerRows} loading={owners.isPending && !owners.error} />
        </Box>
    );
};

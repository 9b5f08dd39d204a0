// Number of active initiatives waiting at each gate, each linking to the filtered list.
import { Box, CircularProgress, Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import { DashboardSection } from './DashboardSection';
import { GATES, type Gate } from '@domain/types';

const listLink = (filter: Record<string, unknown>) =>
    `/initiatives?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;

const GateCount = ({ gate, scope }: { gate: Gate; scope?: Record<string, unknown> }) => {
    const translate = useTranslate();
    const filter = { ...scope, gate, status: 'active' };
    const { total, isPending } = useGetList('initiatives', { filter, pagination: { page: 1, perPage: 1 } });
    return (
        <Box sx={{ textAlign: 'center', p: 1, border: 1, borderColor: 'divider', borderRadius: 1 }} data-testid={`portfolio-${gate}`}>
            <Typography variant="h4" component="p">
                {isPending ? <CircularProgress size={24} aria-label={translate('ra.page.loading')} /> : total ?? 0}
            </Typography>
            <Link component={RouterLink} to={listLink({ gate, status: 'active' })}>
                {translate(`app.enums.gate.${gate}`)}
            </Link>
        </Box>
    );
};

export const PortfolioByGate = ({ scope }: { scope?: Record<string, unknown> }) => (
    <DashboardSection id="portfolio" title="app.dashboard.portfolio" wide>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' } }}>
            {GATES.map(gate => (
                <GateCount key={gate} gate={gate} scope={scope} />
            ))}
        </Box>
    </DashboardSection>
);

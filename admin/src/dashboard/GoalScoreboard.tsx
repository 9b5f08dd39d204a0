// Per top-level goal of the master plan: what serves it, how its benefits do, what they are worth.
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DashboardSection } from './DashboardSection';
import { GoalScoreCard } from './GoalScoreCard';
import type { GoalReportRow } from '../shared/types';

export const GoalScoreboard = ({ rows, loading }: { rows: GoalReportRow[]; loading: boolean }) => {
    const translate = useTranslate();
    const active = rows.filter(goal => goal.active);
    return (
        <DashboardSection id="goal-scoreboard" title="app.goals_board.title" wide loading={loading} emptyMessage={active.length === 0 && 'app.goals_board.empty'}>
            <Typography variant="body2" sx={{ mb: 2 }}>
                {translate('app.goals_board.intro')}
            </Typography>
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', xl: '1fr 1fr 1fr' } }}>
                {active.map(goal => (
                    <GoalScoreCard key={goal.goalId} goal={goal} />
                ))}
            </Box>
        </DashboardSection>
    );
};

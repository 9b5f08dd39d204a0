// Active strategic goals no initiative serves yet: gaps in the portfolio.
import { Link, List, ListItem } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { DashboardSection } from './DashboardSection';
import type { GoalReportRow } from '../shared/types';

export const GoalsWithoutInitiatives = ({ rows, loading }: { rows: GoalReportRow[]; loading: boolean }) => {
    const orphans = rows.filter(row => row.initiatives === 0);
    return (
        <DashboardSection
            id="goals-without-initiatives"
            title="app.dashboard.goals_without"
            loading={loading}
            emptyMessage={orphans.length === 0 && 'app.dashboard.goals_without_none'}
        >
            <List dense>
                {orphans.map(goal => (
                    <ListItem key={goal.goalId} divider>
                        <Link component={RouterLink} to={`/goals/${goal.goalId}/show`}>
                            {goal.code} – {goal.title}
                        </Link>
                    </ListItem>
                ))}
            </List>
        </DashboardSection>
    );
};

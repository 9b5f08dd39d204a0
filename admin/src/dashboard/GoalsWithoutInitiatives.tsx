// Active strategic goals no initiative serves yet: gaps in the portfolio.
import { CircularProgress, Link, List, ListItem, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { DashboardSection } from './DashboardSection';
import type { GoalReportRow } from '../shared/types';

export const GoalsWithoutInitiatives = ({ rows, loading }: { rows: GoalReportRow[]; loading: boolean }) => {
    const translate = useTranslate();
    const orphans = rows.filter(row => row.initiatives === 0);
    return (
        <DashboardSection id="goals-without-initiatives" title="app.dashboard.goals_without">
            {loading ? (
                <CircularProgress aria-label={translate('ra.page.loading')} />
            ) : orphans.length === 0 ? (
                <Typography role="status">{translate('app.dashboard.goals_without_none')}</Typography>
            ) : (
                <List dense>
                    {orphans.map(goal => (
                        <ListItem key={goal.goalId} divider>
                            <Link component={RouterLink} to={`/goals/${goal.goalId}/show`}>
                                {goal.code} – {goal.title}
                            </Link>
                        </ListItem>
                    ))}
                </List>
            )}
        </DashboardSection>
    );
};

// The goals below a goal, indented by depth, each with its own rolled-up figures.
import { Box, Link, TableCell, TableRow } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatNok } from '../shared/format';
import type { GoalReportRow } from '../shared/types';
import { CaptionedTable } from './CaptionedTable';

const withDepth = (goals: GoalReportRow[], depth = 0): [GoalReportRow, number][] =>
    goals.flatMap(goal => [[goal, depth] as [GoalReportRow, number], ...withDepth(goal.children, depth + 1)]);

export const SubGoalTable = ({ goal }: { goal: GoalReportRow }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const rows = withDepth(goal.children);
    const columns = ['app.goal_link.goal', 'resources.goals.fields.initiatives', 'app.enums.band.off-track', 'app.goals_board.value_column'];
    return (
        <Box sx={{ overflowX: 'auto', mt: 2 }}>
            <CaptionedTable
                caption={translate('app.goals_board.sub_goals', { smart_count: rows.length })}
                columns={columns.map(label => translate(label))}
                testId={`goal-${goal.goalId}-children`}
            >
                {rows.map(([child, depth]) => (
                    <TableRow key={child.goalId}>
                        <TableCell component="th" scope="row" sx={{ pl: 2 + depth * 2 }}>
                            <Link component={RouterLink} to={`/goals/${child.goalId}/show`}>
                                {child.code}
                            </Link>{' '}
                            {child.title}
                        </TableCell>
                        <TableCell>{child.initiatives}</TableCell>
                        <TableCell>{child.offTrack}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                            {formatNok(child.realisedValuePerYear, locale)} / {formatNok(child.plannedValuePerYear, locale)}
                        </TableCell>
                    </TableRow>
                ))}
            </CaptionedTable>
        </Box>
    );
};

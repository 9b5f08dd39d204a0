// One goal's scoreboard with everything below it rolled up: initiatives by gate, benefits by
// band, and value a year planned against realised. The figures come from /api/reports/goals.
import { Box, Card, CardContent, Link, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useLocaleState, useTranslate } from 'react-admin';
import { GATES } from '@domain/types';
import { valueShare } from '@domain/scoreboard';
import { formatNok, formatNumber } from '../shared/format';
import type { GoalReportRow } from '../shared/types';
import { SubGoalTable } from './SubGoalTable';
import { goalPeriod } from '../goals/GoalPeriodField';

/** Band colours as on the benefit charts; every segment is also named with its count. */
export const BAND_COLOURS = { onTrack: '#1b6b2f', watch: '#8a4b00', offTrack: '#b3261e', notMeasured: '#6b6b6b' } as const;
type BandKey = keyof typeof BAND_COLOURS;

const Heading = ({ children }: { children: string }) => (
    <Typography component="h4" variant="subtitle2" sx={{ mt: 2, mb: 0.5 }}>
        {children}
    </Typography>
);

const GateCounts = ({ goal }: { goal: GoalReportRow }) => {
    const translate = useTranslate();
    const cells = [...GATES.map(gate => [translate(`app.enums.gate.${gate}`), goal.byGate[gate], gate] as const), [translate('app.goals_board.completed'), goal.completed, 'completed'] as const];
    return (
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: 1, m: 0 }}>
            {cells.map(([label, count, key]) => (
                // The label comes first for screen readers (dt before dd); the count shows above it.
                <Box key={key} sx={{ display: 'flex', flexDirection: 'column-reverse', border: 1, borderColor: 'divider', borderRadius: 1, p: 0.5, textAlign: 'center' }}>
                    <Typography component="dt" variant="caption" sx={{ lineHeight: 1.2 }}>
                        {label}
                    </Typography>
                    <Typography component="dd" variant="h6" sx={{ m: 0 }} data-testid={`goal-${goal.goalId}-gate-${key}`}>
                        {count}
                    </Typography>
                </Box>
            ))}
        </Box>
    );
};

const BandBar = ({ goal }: { goal: GoalReportRow }) => {
    const translate = useTranslate();
    const labels: Record<BandKey, string> = {
        onTrack: translate('app.enums.band.on-track'),
        watch: translate('app.enums.band.watch'),
        offTrack: translate('app.enums.band.off-track'),
        notMeasured: translate('app.goals_board.not_measured'),
    };
    const keys = Object.keys(BAND_COLOURS) as BandKey[];
    return (
        <>
            <Box role="img" aria-label={translate('app.goals_board.band_summary', goal)} sx={{ display: 'flex', height: 14, borderRadius: 1, overflow: 'hidden', bgcolor: 'grey.200' }}>
                {keys.map(key => (goal[key] > 0 ? <Box key={key} sx={{ flexGrow: goal[key], bgcolor: BAND_COLOURS[key] }} /> : null))}
            </Box>
            <Stack component="ul" direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1.5, listStyle: 'none', p: 0, m: 0, mt: 0.5 }}>
                {keys.map(key => (
                    <Typography component="li" variant="body2" key={key} data-testid={`goal-${goal.goalId}-band-${key}`}>
                        <Box component="span" aria-hidden sx={{ display: 'inline-block', width: 10, height: 10, mr: 0.5, bgcolor: BAND_COLOURS[key] }} />
                        {labels[key]}: <strong>{goal[key]}</strong>
                    </Typography>
                ))}
            </Stack>
        </>
    );
};

const ValueBars = ({ goal }: { goal: GoalReportRow }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    if (goal.valued === 0) return <Typography variant="body2">{translate('app.goals_board.not_valued')}</Typography>;
    const share = valueShare(goal) ?? 0;
    const summary = translate('app.goals_board.value_summary', {
        planned: formatNok(goal.plannedValuePerYear, locale),
        realised: formatNok(goal.realisedValuePerYear, locale),
    });
    return (
        <Box data-testid={`goal-${goal.goalId}-value`}>
            <Box role="img" aria-label={summary} sx={{ height: 14, borderRadius: 1, bgcolor: 'grey.200', overflow: 'hidden' }}>
                <Box sx={{ width: `${Math.min(100, share * 100)}%`, height: '100%', bgcolor: BAND_COLOURS.onTrack }} />
            </Box>
            <Typography variant="body2" sx={{ mt: 0.5 }}>
                {summary} ({formatNumber(share, locale, { style: 'percent' })})
            </Typography>
        </Box>
    );
};

export const GoalScoreCard = ({ goal, link = true }: { goal: GoalReportRow; link?: boolean }) => {
    const translate = useTranslate();
    const headingId = `goal-card-${goal.goalId}-heading`;
    const context = [goal.plan, goalPeriod(goal), goal.ownerName && translate('app.goals_board.owner', { name: goal.ownerName })].filter(Boolean).join(' · ');
    const name = `${goal.code} – ${goal.title}`;
    return (
        <Card variant="outlined" component="article" aria-labelledby={headingId} data-testid={`goal-card-${goal.goalId}`}>
            <CardContent>
                <Typography component="h3" variant="subtitle1" id={headingId} sx={{ fontWeight: 600 }}>
                    {link ? (
                        <Link component={RouterLink} to={`/goals/${goal.goalId}/show`}>
                            {name}
                        </Link>
                    ) : (
                        name
                    )}
                </Typography>
                {context && <Typography variant="body2">{context}</Typography>}
                <Heading>{translate('app.goals_board.by_gate')}</Heading>
                <GateCounts goal={goal} />
                <Heading>{translate('app.goals_board.by_band')}</Heading>
                <BandBar goal={goal} />
                <Heading>{translate('app.goals_board.value')}</Heading>
                <ValueBars goal={goal} />
                {goal.children.length > 0 && <SubGoalTable goal={goal} />}
            </CardContent>
        </Card>
    );
};

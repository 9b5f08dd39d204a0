// Bar chart of planned vs realised benefits per group (goal or service owner), with a table alternative.
import { Box, Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { DashboardSection } from './DashboardSection';
import { DataTableSummary } from '../shared/DataTableSummary';
import type { RealisationCounts } from '../shared/types';

export interface RealisationRow extends RealisationCounts {
    label: string;
}

interface RealisationChartProps {
    id: string;
    title: string;
    groupLabel: string;
    rows: RealisationRow[];
    loading: boolean;
}

export const RealisationChart = ({ id, title, groupLabel, rows, loading }: RealisationChartProps) => {
    const translate = useTranslate();
    const t = (key: string) => translate(`app.dashboard.series.${key}`);
    const totals = rows.reduce((sum, row) => ({ planned: sum.planned + row.benefits, realised: sum.realised + row.realised }), {
        planned: 0,
        realised: 0,
    });
    const summary = translate('app.dashboard.chart_summary', { ...totals, groups: rows.length });

    return (
        <DashboardSection id={id} title={title} loading={loading} emptyMessage={rows.length === 0 && 'app.dashboard.no_benefits'}>
            <Box role="img" aria-label={`${translate(title)}. ${summary}`} sx={{ width: '100%', height: 280 }}>
                <ResponsiveContainer width="100%" height="100%">
                    <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
                        <CartesianGrid strokeDasharray="3 3" />
                        <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
                        <YAxis allowDecimals={false} />
                        <Tooltip />
                        <Legend />
                        <Bar isAnimationActive={false} dataKey="benefits" name={t('planned')} fill="#1a4f8b" />
                        <Bar isAnimationActive={false} dataKey="realised" name={t('realised')} fill="#1b6b2f" />
                        <Bar isAnimationActive={false} dataKey="offTrack" name={t('offTrack')} fill="#b3261e" />
                    </BarChart>
                </ResponsiveContainer>
            </Box>
            <Typography variant="body2">{summary}</Typography>
            <DataTableSummary<RealisationRow>
                caption={translate(title)}
                testId={`${id}-table`}
                rows={rows}
                columns={[
                    { label: translate(groupLabel), value: row => row.label },
                    { label: t('planned'), value: row => row.benefits },
                    { label: t('realised'), value: row => row.realised },
                    { label: t('onTrack'), value: row => row.onTrack },
                    { label: t('watch'), value: row => row.watch },
                    { label: t('offTrack'), value: row => row.offTrack },
                    { label: t('overdue'), value: row => row.overdue },
                ]}
            />
        </DashboardSection>
    );
};

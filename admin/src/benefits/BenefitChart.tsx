// Measurements of one benefit against baseline, target and the on-track line between them.
import { Box, CircularProgress, Typography } from '@mui/material';
import {
    CartesianGrid,
    Legend,
    Line,
    LineChart,
    ReferenceLine,
    ResponsiveContainer,
    Tooltip,
    XAxis,
    YAxis,
} from 'recharts';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { DataTableSummary } from '../shared/DataTableSummary';
import { formatDate, formatNumber } from '../shared/format';
import type { Benefit, Measurement } from '../shared/types';

interface Point {
    t: number;
    value?: number;
    plan?: number;
}

const toPoints = (benefit: Benefit, measurements: Measurement[]): Point[] => {
    const points: Point[] = measurements.map(m => ({ t: new Date(m.measuredAt).getTime(), value: m.value }));
    if (benefit.baselineDate) points.push({ t: new Date(benefit.baselineDate).getTime(), plan: benefit.baseline });
    if (benefit.followUpUntil) points.push({ t: new Date(benefit.followUpUntil).getTime(), plan: benefit.target });
    return points.filter(point => Number.isFinite(point.t)).sort((a, b) => a.t - b.t);
};

export const BenefitChart = ({ benefit }: { benefit: Benefit }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { data: measurements = [], isPending } = useGetList<Measurement>('measurements', {
        filter: { benefitId: benefit.id },
        sort: { field: 'measuredAt', order: 'ASC' },
        pagination: { page: 1, perPage: 500 },
    });
    if (isPending) return <CircularProgress size={24} aria-label={translate('ra.page.loading')} />;

    const unit = benefit.unit ?? '';
    const number = (value?: number | null) => `${formatNumber(value, locale, { maximumFractionDigits: 2 })} ${unit}`.trim();
    const date = (t: number) => formatDate(new Date(t).toISOString(), locale);
    const summary = translate('app.benefit.chart_summary', {
        title: benefit.title,
        baseline: number(benefit.baseline),
        baselineDate: formatDate(benefit.baselineDate, locale),
        target: number(benefit.target),
        targetDate: formatDate(benefit.followUpUntil, locale),
        count: measurements.length,
        latest: measurements.length ? number(measurements[measurements.length - 1].value) : '–',
    });
    const captionId = `benefit-chart-caption-${benefit.id}`;

    return (
        <Box component="figure" sx={{ m: 0 }} data-testid={`benefit-chart-${benefit.id}`} aria-labelledby={captionId}>
            <Box role="img" aria-label={summary} sx={{ width: '100%', height: 280 }}>
                <ResponsiveContainer width="100%" height="100%">
                    <LineChart data={toPoints(benefit, measurements)} margin={{ top: 10, right: 24, bottom: 10, left: 8 }} accessibilityLayer={false}>
                        <CartesianGrid strokeDasharray="3 3" />
                        <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={date} />
                        <YAxis tickFormatter={value => formatNumber(value, locale)} />
                        <Tooltip labelFormatter={label => date(Number(label))} formatter={value => number(Number(value))} />
                        <Legend />
                        <ReferenceLine y={benefit.baseline} stroke="#4a4a4a" strokeDasharray="2 4" label={{ value: translate('resources.benefits.fields.baseline'), fill: '#1c1c1c', position: 'insideTopLeft' }} />
                        <ReferenceLine y={benefit.target} stroke="#1b6b2f" strokeDasharray="6 3" label={{ value: translate('resources.benefits.fields.target'), fill: '#1c1c1c', position: 'insideBottomLeft' }} />
                        <Line dataKey="plan" name={translate('app.benefit.plan_line')} stroke="#8a4b00" strokeDasharray="8 4" dot={false} connectNulls isAnimationActive={false} />
                        <Line dataKey="value" name={translate('app.benefit.measured')} stroke="#1a4f8b" strokeWidth={2} connectNulls isAnimationActive={false} />
                    </LineChart>
                </ResponsiveContainer>
            </Box>
            <Typography component="figcaption" id={captionId} variant="body2">
                {summary}
            </Typography>
            {measurements.length > 0 && (
                <DataTableSummary
                    caption={translate('app.benefit.table_caption', { title: benefit.title })}
                    rows={measurements}
                    columns={[
                        { label: translate('resources.measurements.fields.measuredAt'), value: m => formatDate(m.measuredAt, locale) },
                        { label: translate('resources.measurements.fields.value'), value: m => number(m.value) },
                        { label: translate('resources.measurements.fields.note'), value: m => m.note ?? '' },
                    ]}
                />
            )}
        </Box>
    );
};

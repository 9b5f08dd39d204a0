// Key figures of one benefit: band, baseline, target, latest value and achievement.
import { Box, Stack, Typography } from '@mui/material';
import { Labeled, ReferenceField, TextField, useRecordContext } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField, LocaleNumberField } from '../shared/LocaleFields';
import type { Benefit } from '../shared/types';

/** A value in the benefit's unit with the date it belongs to: the baseline, or the target. */
const DatedValue = ({ source, dateSource, unit }: { source: string; dateSource: string; unit?: string }) => (
    <Labeled source={source}>
        <Box component="span">
            <LocaleNumberField source={source} /> {unit}{' '}
            <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>
                (<LocaleDateField source={dateSource} />)
            </Typography>
        </Box>
    </Labeled>
);

export const BenefitSummary = () => {
    const benefit = useRecordContext<Benefit>();
    if (!benefit) return null;
    return (
        <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Labeled source="band">
                <EnumField source="band" group="band" variant="chip" />
            </Labeled>
            <Labeled source="category">
                <EnumField source="category" group="category" />
            </Labeled>
            <DatedValue source="baseline" dateSource="baselineDate" unit={benefit.unit} />
            <DatedValue source="target" dateSource="followUpUntil" unit={benefit.unit} />
            <Labeled source="latestValue">
                <LocaleNumberField source="latestValue" emptyText="–" />
            </Labeled>
            <Labeled source="achievement">
                <LocaleNumberField source="achievement" options={{ style: 'percent', maximumFractionDigits: 0 }} emptyText="–" />
            </Labeled>
            <Labeled source="nextMeasurementDue">
                <LocaleDateField source="nextMeasurementDue" emptyText="–" />
            </Labeled>
            <Labeled source="ownerId">
                <ReferenceField source="ownerId" reference="people" link={false} />
            </Labeled>
            <Labeled source="indicator">
                <TextField source="indicator" />
            </Labeled>
        </Stack>
    );
};

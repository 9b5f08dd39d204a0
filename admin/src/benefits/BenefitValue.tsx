// What a benefit is worth and where its plan stands: value a year planned and realised (NOK),
// the version of the plan the service owner accepted, and how a realised benefit was taken out.
import { Labeled, ReferenceField, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Box, Stack, Typography } from '@mui/material';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { formatNok } from '../shared/format';
import type { Benefit } from '../shared/types';

export const BenefitValue = () => {
    const benefit = useRecordContext<Benefit>();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    if (!benefit) return null;
    return (
        <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid={`benefit-value-${benefit.id}`}>
            <Labeled source="valuePerYear">
                <Box component="span">{formatNok(benefit.valuePerYear, locale) || '–'}</Box>
            </Labeled>
            <Labeled source="realisedValuePerYear">
                <Box component="span">{formatNok(benefit.realisedValuePerYear, locale) || '–'}</Box>
            </Labeled>
            <Labeled source="acceptedVersion">
                <Box component="span">
                    {benefit.acceptedVersion
                        ? translate('app.benefit.accepted_version', { version: benefit.acceptedVersion })
                        : translate('app.benefit.not_accepted')}
                    {benefit.acceptedAt && (
                        <>
                            {' '}
                            (<LocaleDateField source="acceptedAt" />)
                        </>
                    )}
                </Box>
            </Labeled>
            {benefit.withdrawn && (
                <Typography color="error" sx={{ alignSelf: 'center', fontWeight: 700 }}>
                    {translate('app.benefit.withdrawn')}
                </Typography>
            )}
            {benefit.harvest && (
                <Labeled source="harvest">
                    <Box component="span" data-testid={`benefit-harvest-${benefit.id}`}>
                        <EnumField source="harvest.how" group="harvest" />
                        {benefit.harvest.note ? ` – ${benefit.harvest.note}` : ''} (
                        <ReferenceField source="harvest.byId" reference="people" link={false} />)
                    </Box>
                </Labeled>
            )}
        </Stack>
    );
};

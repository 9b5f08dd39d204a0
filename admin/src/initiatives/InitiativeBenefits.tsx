// Benefits tab: each benefit with its figures, its chart and a way to report a measurement.
import { Box, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import {
    CreateButton,
    RecordContextProvider,
    ResourceContextProvider,
    ShowButton,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { BenefitChart } from '../benefits/BenefitChart';
import { BenefitSummary } from '../benefits/BenefitSummary';
import { MeasurementButton } from '../actions/MeasurementButton';
import { usePlanRules } from '../benefits/planRules';
import { useInitiativeRecords } from '../shared/useInitiativeRecords';
import { BenefitValue } from '../benefits/BenefitValue';
import { HarvestButton } from '../benefits/HarvestButton';
import { PendingPlanChanges } from '../plan-changes/PendingPlanChanges';
import { InitiativeReviews } from '../reviews/InitiativeReviews';
import type { Benefit, Initiative } from '../shared/types';

export const InitiativeBenefits = () => {
    const initiative = useRecordContext<Initiative>();
    const translate = useTranslate();
    const { mayCreate, mayMeasure } = usePlanRules(initiative?.id, initiative);
    const { data: benefits = [], isPending } = useInitiativeRecords<Benefit>('benefits', initiative?.id, { field: 'title', order: 'ASC' });
    if (!initiative || isPending) return null;

    const addBenefit = mayCreate && (
        <CreateButton resource="benefits" state={{ record: { initiativeId: initiative.id } }} label="app.benefit.add" />
    );
    if (benefits.length === 0)
        return (
            <Box role="status" data-testid="initiative-benefits-empty">
                <Typography gutterBottom>{translate('app.benefit.none_for_initiative')}</Typography>
                {addBenefit}
            </Box>
        );

    return (
        <ResourceContextProvider value="benefits">
            <Stack spacing={2} data-testid="initiative-benefits">
                <PendingPlanChanges initiative={initiative} />
                {addBenefit && <Box>{addBenefit}</Box>}
                {benefits.map(benefit => (
                    <RecordContextProvider key={benefit.id} value={benefit}>
                        <Card variant="outlined" component="section" aria-labelledby={`benefit-title-${benefit.id}`}>
                            <CardHeader
                                title={benefit.title}
                                slotProps={{ title: { component: 'h3', variant: 'h6', id: `benefit-title-${benefit.id}` } }}
                                action={
                                    <Stack direction="row" spacing={1}>
                                        {mayMeasure(benefit) && <MeasurementButton benefit={benefit} />}
                                        <HarvestButton benefit={benefit} />
                                        <ShowButton resource="benefits" record={benefit} />
                                    </Stack>
                                }
                            />
                            <CardContent>
                                <BenefitSummary />
                                <BenefitValue />
                                <BenefitChart benefit={benefit} />
                            </CardContent>
                        </Card>
                    </RecordContextProvider>
                ))}
                <InitiativeReviews initiative={initiative} />
            </Stack>
        </ResourceContextProvider>
    );
};

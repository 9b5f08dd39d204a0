import { Stack } from '@mui/material';
import {
    DataTable,
    EditButton,
    Labeled,
    ReferenceField,
    ReferenceManyField,
    Show,
    TextField,
    TopToolbar,
    useRecordContext,
} from 'react-admin';
import { BenefitChart } from './BenefitChart';
import { BenefitSummary } from './BenefitSummary';
import { MeasurementButton } from '../actions/MeasurementButton';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField, LocaleNumberField } from '../shared/LocaleFields';
import { usePlanRules } from './planRules';
import { BenefitValue } from './BenefitValue';
import { BenefitVersions } from './BenefitVersions';
import { HarvestButton } from './HarvestButton';
import type { Benefit } from '../shared/types';

const BenefitActions = () => {
    const benefit = useRecordContext<Benefit>();
    const { mayMeasure, mayEdit } = usePlanRules(benefit?.initiativeId);
    return (
        <TopToolbar>
            {benefit && mayMeasure(benefit) && <MeasurementButton benefit={benefit} />}
            {benefit && <HarvestButton benefit={benefit} />}
            {mayEdit && <EditButton />}
        </TopToolbar>
    );
};

const Details = () => {
    const benefit = useRecordContext<Benefit>();
    if (!benefit) return null;
    return (
        <Stack spacing={2} sx={{ p: 2 }}>
            <Labeled source="initiativeId">
                <ReferenceField source="initiativeId" reference="initiatives" />
            </Labeled>
            <BenefitSummary />
            <BenefitValue />
            <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <Labeled source="direction"><EnumField source="direction" group="direction" /></Labeled>
                <Labeled source="dataSource"><TextField source="dataSource" emptyText="–" /></Labeled>
                <Labeled source="measureEvery"><TextField source="measureEvery" /></Labeled>
            </Stack>
            <BenefitChart benefit={benefit} />
            <BenefitVersions />
            <ReferenceManyField reference="measurements" target="benefitId" sort={{ field: 'measuredAt', order: 'DESC' }}>
                <DataTable bulkActionButtons={false} rowClick={false}>
                    <DataTable.Col source="measuredAt"><LocaleDateField source="measuredAt" /></DataTable.Col>
                    <DataTable.Col source="value" align="right"><LocaleNumberField source="value" /></DataTable.Col>
                    <DataTable.Col source="note" />
                    <DataTable.Col source="reportedById">
                        <ReferenceField source="reportedById" reference="people" link={false} />
                    </DataTable.Col>
                    <DataTable.Col source="channel"><EnumField source="channel" group="channel" /></DataTable.Col>
                </DataTable>
            </ReferenceManyField>
        </Stack>
    );
};

export const BenefitShow = () => (
    <Show actions={<BenefitActions />}>
        <Details />
    </Show>
);

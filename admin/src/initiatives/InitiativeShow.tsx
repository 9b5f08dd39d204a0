import { Box, Stack } from '@mui/material';
import {
    ArrayField,
    DataTable,
    Labeled,
    ReferenceArrayField,
    ReferenceField,
    Show,
    TabbedShowLayout,
    TextField,
    useRecordContext,
} from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField, LocaleNumberField } from '../shared/LocaleFields';
import { GateStepper } from './GateStepper';
import { InitiativeActions } from './InitiativeActions';
import { InitiativeBenefits } from './InitiativeBenefits';
import { Timeline } from './Timeline';
import { WorkflowState } from './WorkflowState';
import type { Initiative } from '../shared/types';

const Person = ({ source }: { source: string }) => (
    <Labeled source={source}>
        <ReferenceField source={source} reference="people" link={false} emptyText="–" />
    </Labeled>
);

const Overview = () => {
    const record = useRecordContext<Initiative>();
    return (
        <Stack spacing={2}>
            <TextField source="description" component="p" />
            <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <Labeled source="status"><EnumField source="status" group="status" variant="chip" /></Labeled>
                <Labeled source="kind"><EnumField source="kind" group="kind" /></Labeled>
                <Labeled source="serviceId"><ReferenceField source="serviceId" reference="services" /></Labeled>
                <Labeled source="priorityScore"><LocaleNumberField source="priorityScore" options={{ maximumFractionDigits: 1 }} /></Labeled>
                <Labeled source="gateEnteredAt"><LocaleDateField source="gateEnteredAt" showTime /></Labeled>
                {record?.progressPercent != null && (
                    <Labeled source="progressPercent"><LocaleNumberField source="progressPercent" /></Labeled>
                )}
                {record?.lastProgressAt && <Labeled source="lastProgressAt"><LocaleDateField source="lastProgressAt" showTime /></Labeled>}
                {record?.completedAt && <Labeled source="completedAt"><LocaleDateField source="completedAt" showTime /></Labeled>}
                {record?.benefitOutcome && (
                    <Labeled source="benefitOutcome"><EnumField source="benefitOutcome" group="benefitOutcome" /></Labeled>
                )}
            </Stack>
            <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <Person source="projectManagerId" />
                <Person source="serviceOwnerId" />
                <Person source="governanceId" />
                <Labeled source="changeAgentIds">
                    <ReferenceArrayField source="changeAgentIds" reference="people" />
                </Labeled>
                <Labeled source="enthusiastIds">
                    <ReferenceArrayField source="enthusiastIds" reference="people" />
                </Labeled>
            </Stack>
            <Labeled source="goalLinks" fullWidth>
                <ArrayField source="goalLinks">
                    <DataTable bulkActionButtons={false} rowClick={false} data-testid="goal-links">
                        <DataTable.Col source="goalId" label="app.goal_link.goal">
                            <ReferenceField source="goalId" reference="goals" />
                        </DataTable.Col>
                        <DataTable.Col source="contribution" label="app.goal_link.contribution">
                            <EnumField source="contribution" group="contribution" />
                        </DataTable.Col>
                        <DataTable.Col source="rationale" label="app.goal_link.rationale" />
                    </DataTable>
                </ArrayField>
            </Labeled>
        </Stack>
    );
};

export const InitiativeShow = () => (
    <Show actions={<InitiativeActions />}>
        <Box sx={{ px: 2 }}>
            <GateStepper />
        </Box>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="app.initiative.tabs.overview" data-testid="tab-overview">
                <Overview />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="app.initiative.tabs.benefits" path="benefits" data-testid="tab-benefits">
                <InitiativeBenefits />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="app.initiative.tabs.history" path="history" data-testid="tab-history">
                <Timeline />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="app.initiative.tabs.workflow" path="workflow" data-testid="tab-workflow">
                <WorkflowState />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </Show>
);

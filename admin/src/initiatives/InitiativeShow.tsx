import type { ReactElement } from 'react';
import { Box, Stack } from '@mui/material';
import {
    ArrayField,
    DataTable,
    Labeled,
    ReferenceArrayField,
    ReferenceField,
    Show,
    TabbedShowLayout,
    TabbedShowLayoutTabs,
    TextField,
    useRecordContext,
} from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField, LocaleNumberField } from '../shared/LocaleFields';
import { GATES } from '@domain/types';
import { GateStepper } from './GateStepper';
import { InitiativeActions } from './InitiativeActions';
import { InitiativeBenefits } from './InitiativeBenefits';
import { DecisionBasis } from './DecisionBasis';
import { InitiativeChecklist } from './InitiativeChecklist';
import { InitiativeConditions } from './InitiativeConditions';
import { InitiativeComments } from './InitiativeComments';
import { InitiativeReadiness } from './InitiativeReadiness';
import { StepNotice } from './StepNotice';
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
                <Labeled source="boardId">
                    <ReferenceField source="boardId" reference="boards" emptyText="–" />
                </Labeled>
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

/** Readiness is asked for from implementation on. */
const takesReadiness = (record: Initiative) => GATES.indexOf(record.gate) >= GATES.indexOf('implementation');

/** The page's tabs in order: name (its label and path), content, and when it is shown. */
const TABS: { name: string; content: ReactElement; shown?: (record: Initiative) => boolean }[] = [
    { name: 'overview', content: <Overview /> },
    { name: 'basis', content: <DecisionBasis /> },
    { name: 'checklist', content: <InitiativeChecklist /> },
    { name: 'conditions', content: <InitiativeConditions /> },
    { name: 'comments', content: <InitiativeComments /> },
    { name: 'readiness', content: <InitiativeReadiness />, shown: takesReadiness },
    { name: 'benefits', content: <InitiativeBenefits /> },
    { name: 'history', content: <Timeline /> },
    { name: 'workflow', content: <WorkflowState /> },
];

const Tabs = () => {
    const record = useRecordContext<Initiative>();
    if (!record) return null;
    return (
        <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile />}>
            {TABS.filter(tab => tab.shown?.(record) ?? true).map(({ name, content }) => (
                <TabbedShowLayout.Tab key={name} label={`app.initiative.tabs.${name}`} path={name === 'overview' ? undefined : name} data-testid={`tab-${name}`}>
                    {content}
                </TabbedShowLayout.Tab>
            ))}
        </TabbedShowLayout>
    );
};

export const InitiativeShow = () => (
    <Show actions={<InitiativeActions />}>
        <StepNotice />
        <Box sx={{ px: 2 }}>
            <GateStepper />
        </Box>
        <Tabs />
    </Show>
);

// Inputs shared by initiative create and edit. On an existing initiative, what the current gate
// step does not let anyone change (domain/edits.ts) is disabled with the reason beside it.
import type { ReactElement } from 'react';
import {
    ArrayInput,
    AutocompleteInput,
    RadioButtonGroupInput,
    ReferenceInput,
    SelectInput,
    SimpleForm,
    SimpleFormIterator,
    TextInput,
    required,
    useRecordContext,
} from 'react-admin';
import { INITIATIVE_FIXED } from '@domain/edits';
import { contributionChoices, kindChoices } from '../shared/choices';
import { FormToolbar } from '../shared/FormToolbar';
import { fixedProps, lockProps } from '../shared/lockProps';
import { SectionTitle } from '../shared/SectionTitle';
import { PeopleInput, PersonInput } from '../people/PersonInput';
import { DecisionBasisInputs } from './DecisionBasisInputs';
import { editRefusalFor, isClosed } from './position';
import type { Initiative } from '../shared/types';

/** Why each kind of locked field is locked: the goal links governance approved, or a gate's waiting person. */
const lockReason = (field: string) =>
    field === 'goalLinks' ? 'app.locked.goal_links' : field === 'boardId' ? 'app.locked.board' : 'app.locked.responsible';

/** Governance is a person, a board, or both (the API refuses neither). */
const governanceNamed = (value: unknown, values: Record<string, unknown>) =>
    value || values.boardId ? undefined : 'app.initiative.governance_required';

/** `toolbar`: the create page offers "save as draft" beside "register and submit". */
export const InitiativeForm = ({ toolbar }: { toolbar?: ReactElement }) => {
    const record = useRecordContext<Initiative>();
    const existing = Boolean(record?.id);
    const lock = (field: string): { disabled?: boolean; helperText?: string } =>
        record && existing ? lockProps(editRefusalFor(record, field), lockReason(field)) : {};
    // ArrayInput has no `disabled`: its iterator and inputs take it one by one.
    const goalLinks = lock('goalLinks');
    return (
        <SimpleForm
            defaultValues={{ kind: 'project', goalLinks: [], changeAgentIds: [], enthusiastIds: [] }}
            toolbar={toolbar ?? <FormToolbar mayDelete={Boolean(record && existing && isClosed(record))} />}
        >
            <TextInput source="title" validate={required()} fullWidth {...lock('title')} />
            <TextInput source="description" multiline minRows={3} fullWidth {...lock('description')} />
            <RadioButtonGroupInput source="kind" choices={kindChoices} validate={required()} {...fixedProps(INITIATIVE_FIXED, 'kind', existing)} />
            <ReferenceInput source="serviceId" reference="services" sort={{ field: 'name', order: 'ASC' }}>
                <AutocompleteInput validate={required()} sx={{ minWidth: 320 }} {...lock('serviceId')} />
            </ReferenceInput>

            <SectionTitle label="app.initiative.sections.people" />
            <PersonInput source="projectManagerId" role="project-manager" {...lock('projectManagerId')} />
            <PersonInput source="serviceOwnerId" role="service-owner" helperText="app.initiative.service_owner_help" {...lock('serviceOwnerId')} />
            <PersonInput source="governanceId" role="governance" helperText="app.initiative.governance_help" validate={governanceNamed} {...lock('governanceId')} />
            <ReferenceInput source="boardId" reference="boards" sort={{ field: 'name', order: 'ASC' }}>
                <AutocompleteInput sx={{ minWidth: 320 }} helperText="app.initiative.board_help" {...lock('boardId')} />
            </ReferenceInput>
            <PeopleInput source="changeAgentIds" role="change-agent" {...lock('changeAgentIds')} />
            <PeopleInput source="enthusiastIds" role="enthusiast" {...lock('enthusiastIds')} />

            <SectionTitle label="app.initiative.sections.goals" />
            <ArrayInput
                source="goalLinks"
                label="resources.initiatives.fields.goalLinks"
                helperText={goalLinks.helperText ?? 'app.initiative.goal_links_help'}
            >
                <SimpleFormIterator inline disableReordering disabled={goalLinks.disabled}>
                    <ReferenceInput source="goalId" reference="goals" filter={{ active: true }} sort={{ field: 'code', order: 'ASC' }}>
                        <AutocompleteInput label="app.goal_link.goal" validate={required()} sx={{ minWidth: 280 }} disabled={goalLinks.disabled} />
                    </ReferenceInput>
                    <SelectInput
                        source="contribution"
                        label="app.goal_link.contribution"
                        choices={contributionChoices}
                        validate={required()}
                        disabled={goalLinks.disabled}
                    />
                    <TextInput source="rationale" label="app.goal_link.rationale" validate={required()} sx={{ minWidth: 320 }} disabled={goalLinks.disabled} />
                </SimpleFormIterator>
            </ArrayInput>

            <DecisionBasisInputs />
        </SimpleForm>
    );
};

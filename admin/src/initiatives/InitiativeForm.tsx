// Inputs shared by initiative create and edit.
import {
    ArrayInput,
    AutocompleteArrayInput,
    AutocompleteInput,
    RadioButtonGroupInput,
    ReferenceArrayInput,
    ReferenceInput,
    SelectInput,
    SimpleForm,
    SimpleFormIterator,
    TextInput,
    required,
} from 'react-admin';
import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { contributionChoices, kindChoices } from '../shared/choices';

const SectionTitle = ({ label }: { label: string }) => {
    const translate = useTranslate();
    return (
        <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
            {translate(label)}
        </Typography>
    );
};

const PersonInput = ({ source, role, helperText }: { source: string; role: string; helperText?: string }) => (
    <ReferenceInput source={source} reference="people" filter={{ roles: role }} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput helperText={helperText} sx={{ minWidth: 320 }} />
    </ReferenceInput>
);

const PeopleInput = ({ source, role }: { source: string; role: string }) => (
    <ReferenceArrayInput source={source} reference="people" filter={{ roles: role }} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteArrayInput fullWidth />
    </ReferenceArrayInput>
);

export const InitiativeForm = () => (
    <SimpleForm defaultValues={{ kind: 'project', goalLinks: [], changeAgentIds: [], enthusiastIds: [] }}>
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput source="description" multiline minRows={3} fullWidth />
        <RadioButtonGroupInput source="kind" choices={kindChoices} validate={required()} />
        <ReferenceInput source="serviceId" reference="services" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput validate={required()} sx={{ minWidth: 320 }} />
        </ReferenceInput>

        <SectionTitle label="app.initiative.sections.people" />
        <PersonInput source="projectManagerId" role="project-manager" />
        <PersonInput source="serviceOwnerId" role="service-owner" helperText="app.initiative.service_owner_help" />
        <PersonInput source="governanceId" role="governance" />
        <PeopleInput source="changeAgentIds" role="change-agent" />
        <PeopleInput source="enthusiastIds" role="enthusiast" />

        <SectionTitle label="app.initiative.sections.goals" />
        <ArrayInput source="goalLinks" label="resources.initiatives.fields.goalLinks" helperText="app.initiative.goal_links_help">
            <SimpleFormIterator inline disableReordering>
                <ReferenceInput source="goalId" reference="goals" filter={{ active: true }} sort={{ field: 'code', order: 'ASC' }}>
                    <AutocompleteInput label="app.goal_link.goal" validate={required()} sx={{ minWidth: 280 }} />
                </ReferenceInput>
                <SelectInput source="contribution" label="app.goal_link.contribution" choices={contributionChoices} validate={required()} />
                <TextInput source="rationale" label="app.goal_link.rationale" validate={required()} sx={{ minWidth: 320 }} />
            </SimpleFormIterator>
        </ArrayInput>
    </SimpleForm>
);

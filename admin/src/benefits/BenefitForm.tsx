import {
    AutocompleteInput,
    DateInput,
    NumberInput,
    RadioButtonGroupInput,
    ReferenceInput,
    SelectInput,
    SimpleForm,
    TextInput,
    required,
} from 'react-admin';
import { isoDuration } from '../shared/validators';
import { categoryChoices, directionChoices } from '../shared/choices';


export const BenefitForm = () => (
    <SimpleForm defaultValues={{ category: 'efficiency', direction: 'increase', measureEvery: 'P3M' }}>
        <ReferenceInput source="initiativeId" reference="initiatives">
            <AutocompleteInput validate={required()} sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <TextInput source="title" validate={required()} fullWidth />
        <SelectInput source="category" choices={categoryChoices} validate={required()} />
        <TextInput source="indicator" validate={required()} fullWidth />
        <TextInput source="unit" validate={required()} />
        <TextInput source="dataSource" fullWidth />
        <NumberInput source="baseline" validate={required()} />
        <DateInput source="baselineDate" validate={required()} />
        <NumberInput source="target" validate={required()} />
        <RadioButtonGroupInput source="direction" choices={directionChoices} validate={required()} />
        <TextInput source="measureEvery" validate={[required(), isoDuration]} helperText="resources.benefits.help.measureEvery" />
        <DateInput source="followUpUntil" validate={required()} />
        <ReferenceInput source="ownerId" reference="people" filter={{ roles: 'service-owner' }}>
            <AutocompleteInput sx={{ minWidth: 320 }} helperText="resources.benefits.help.ownerId" />
        </ReferenceInput>
    </SimpleForm>
);

import {
    AutocompleteInput,
    Create,
    DateInput,
    NumberInput,
    ReferenceInput,
    SimpleForm,
    TextInput,
    number,
    required,
} from 'react-admin';

const today = () => new Date().toISOString().slice(0, 10);

export const MeasurementCreate = () => (
    <Create redirect={(_resource, _id, data) => `benefits/${data?.benefitId}/show`}>
        <SimpleForm defaultValues={{ measuredAt: today() }}>
            <ReferenceInput source="benefitId" reference="benefits">
                <AutocompleteInput validate={required()} sx={{ minWidth: 320 }} />
            </ReferenceInput>
            <NumberInput source="value" validate={[required(), number()]} />
            <DateInput source="measuredAt" validate={required()} />
            <TextInput source="note" multiline minRows={2} fullWidth />
        </SimpleForm>
    </Create>
);

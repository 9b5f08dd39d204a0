import { AutocompleteInput, ReferenceInput, SimpleForm, TextInput, required } from 'react-admin';

export const ServiceForm = () => (
    <SimpleForm>
        <TextInput source="name" validate={required()} fullWidth />
        <TextInput source="description" multiline minRows={3} fullWidth />
        <ReferenceInput source="ownerId" reference="people" filter={{ roles: 'service-owner' }} sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput validate={required()} sx={{ minWidth: 320 }} helperText="resources.services.help.ownerId" />
        </ReferenceInput>
    </SimpleForm>
);

import { SimpleForm, TextInput, required } from 'react-admin';
import { PersonInput } from '../people/PersonInput';

export const ServiceForm = () => (
    <SimpleForm>
        <TextInput source="name" validate={required()} fullWidth />
        <TextInput source="description" multiline minRows={3} fullWidth />
        <PersonInput source="ownerId" role="service-owner" validate={required()} helperText="resources.services.help.ownerId" />
    </SimpleForm>
);

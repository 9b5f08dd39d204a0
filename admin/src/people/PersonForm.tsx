import {
    AutocompleteInput,
    CheckboxGroupInput,
    PasswordInput,
    RadioButtonGroupInput,
    ReferenceInput,
    SimpleForm,
    TextInput,
    email,
    minLength,
    required,
} from 'react-admin';
import { localeChoices, roleChoices } from '../shared/choices';

export const PersonForm = ({ isNew = false }: { isNew?: boolean }) => (
    <SimpleForm defaultValues={{ roles: [], locale: 'nb' }}>
        <TextInput source="name" validate={required()} fullWidth />
        <TextInput source="email" type="email" validate={[required(), email()]} fullWidth />
        <CheckboxGroupInput source="roles" choices={roleChoices} />
        <TextInput source="unit" fullWidth />
        <ReferenceInput source="managerId" reference="people" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <RadioButtonGroupInput source="locale" choices={localeChoices} />
        <PasswordInput
            source="password"
            autoComplete="new-password"
            validate={minLength(8)}
            helperText={isNew ? 'resources.people.help.password_new' : 'resources.people.help.password_edit'}
        />
    </SimpleForm>
);

import {
    CheckboxGroupInput,
    PasswordInput,
    RadioButtonGroupInput,
    SimpleForm,
    TextInput,
    email,
    minLength,
    required,
    useRecordContext,
} from 'react-admin';
import { localeChoices, roleChoices } from '../shared/choices';
import { PersonInput } from './PersonInput';

export const PersonForm = () => {
    const existing = Boolean(useRecordContext()?.id);
    return (
        <SimpleForm defaultValues={{ roles: [], locale: 'nb' }}>
            <TextInput source="name" validate={required()} fullWidth />
            <TextInput source="email" type="email" validate={[required(), email()]} fullWidth />
            <CheckboxGroupInput source="roles" choices={roleChoices} />
            <TextInput source="unit" fullWidth />
            <PersonInput source="managerId" />
            <RadioButtonGroupInput source="locale" choices={localeChoices} />
            <PasswordInput
                source="password"
                autoComplete="new-password"
                validate={minLength(8)}
                helperText={existing ? 'resources.people.help.password_edit' : 'resources.people.help.password_new'}
            />
        </SimpleForm>
    );
};

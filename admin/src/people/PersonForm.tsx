import {
    ArrayInput,
    BooleanInput,
    CheckboxGroupInput,
    DateInput,
    FormDataConsumer,
    PasswordInput,
    RadioButtonGroupInput,
    SimpleForm,
    SimpleFormIterator,
    TextInput,
    email,
    minLength,
    required,
    useRecordContext,
} from 'react-admin';
import { localeChoices, roleChoices } from '../shared/choices';
import { PersonInput } from './PersonInput';
import type { Person } from '../shared/types';

/** An absence ends on or after the day it starts (its source is `absences.<n>.to`). */
const notBeforeFrom = (value: unknown, values: { absences?: { from?: string }[] }, props?: { source?: string }) => {
    const from = values.absences?.[Number(props?.source?.split('.')[1])]?.from;
    return value && from && String(value) < String(from) ? 'resources.people.help.absence_order' : undefined;
};

export const PersonForm = () => {
    const record = useRecordContext<Person>();
    const existing = Boolean(record?.id);
    return (
        <SimpleForm defaultValues={{ roles: [], locale: 'nb', active: true, absences: [] }}>
            <TextInput source="name" validate={required()} fullWidth />
            <TextInput source="email" type="email" validate={[required(), email()]} fullWidth />
            <CheckboxGroupInput source="roles" choices={roleChoices} />
            <BooleanInput source="active" helperText="resources.people.help.active" />
            <TextInput source="unit" fullWidth />
            <PersonInput source="managerId" />
            <RadioButtonGroupInput source="locale" choices={localeChoices} />
            <ArrayInput source="absences" helperText="resources.people.help.absences">
                <SimpleFormIterator inline disableReordering>
                    <DateInput source="from" label="resources.people.fields.from" validate={required()} />
                    <DateInput source="to" label="resources.people.fields.to" validate={[required(), notBeforeFrom]} />
                    <PersonInput source="deputyId" label="resources.people.fields.deputyId" validate={required()} />
                </SimpleFormIterator>
            </ArrayInput>
            <FormDataConsumer>
                {({ formData }) =>
                    !formData.clearPassword && (
                        <PasswordInput
                            source="password"
                            autoComplete="new-password"
                            validate={minLength(10)}
                            helperText={existing ? 'resources.people.help.password_edit' : 'resources.people.help.password_new'}
                        />
                    )
                }
            </FormDataConsumer>
            {existing && record?.localLogin && <BooleanInput source="clearPassword" helperText="resources.people.help.clear_password" />}
        </SimpleForm>
    );
};

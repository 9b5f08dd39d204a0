import { SimpleForm, TextInput, required } from 'react-admin';
import { PeopleInput, PersonInput } from '../people/PersonInput';

/** A steering group or portfolio board: any member or the chair records its decisions. */
export const BoardForm = () => (
    <SimpleForm defaultValues={{ memberIds: [] }}>
        <TextInput source="name" validate={required()} fullWidth />
        <PersonInput source="chairId" role="governance" helperText="resources.boards.help.chairId" />
        <PeopleInput source="memberIds" helperText="resources.boards.help.memberIds" />
    </SimpleForm>
);

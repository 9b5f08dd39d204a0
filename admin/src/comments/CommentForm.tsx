import { SimpleForm, TextInput, required } from 'react-admin';
import { OpenInitiativeInput } from '../shared/OpenInitiativeInput';

/** A new comment; it is kept with the gate the initiative is at. */
export const CommentForm = () => (
    <SimpleForm>
        <OpenInitiativeInput />
        <TextInput source="text" validate={required()} multiline minRows={4} fullWidth helperText="resources.comments.help.text" />
    </SimpleForm>
);

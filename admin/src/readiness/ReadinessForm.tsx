import { RadioButtonGroupInput, SimpleForm, TextInput, required } from 'react-admin';
import { readinessChoices } from '../shared/choices';
import { OpenInitiativeInput } from '../shared/OpenInitiativeInput';

/** A unit's readiness, said by the initiative's change agent or project manager. */
export const ReadinessForm = () => (
    <SimpleForm defaultValues={{ status: 'ready' }}>
        <OpenInitiativeInput />
        <TextInput source="unit" validate={required()} fullWidth />
        <RadioButtonGroupInput source="status" choices={readinessChoices} validate={required()} />
        <TextInput source="note" multiline minRows={2} fullWidth />
    </SimpleForm>
);

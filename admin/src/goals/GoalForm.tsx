import { BooleanInput, NumberInput, SimpleForm, TextInput, maxValue, minValue, required } from 'react-admin';

export const GoalForm = () => (
    <SimpleForm defaultValues={{ active: true, weight: 3 }}>
        <TextInput source="code" validate={required()} helperText="resources.goals.help.code" />
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput source="description" multiline minRows={3} fullWidth />
        <NumberInput source="weight" min={1} max={5} step={1} validate={[required(), minValue(1), maxValue(5)]} helperText="resources.goals.help.weight" />
        <BooleanInput source="active" />
    </SimpleForm>
);

import { Stack } from '@mui/material';
import { BooleanInput, NumberInput, SimpleForm, TextInput, maxValue, minValue, number, required } from 'react-admin';
import { PersonInput } from '../people/PersonInput';
import { ParentGoalInput } from './ParentGoalInput';

const year = [number(), minValue(2000), maxValue(2100)];

export const GoalForm = () => (
    <SimpleForm defaultValues={{ active: true, weight: 3 }} data-testid="goal-form">
        <TextInput source="code" validate={required()} helperText="resources.goals.help.code" />
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput source="description" multiline minRows={3} fullWidth />
        <NumberInput source="weight" min={1} max={5} step={1} validate={[required(), minValue(1), maxValue(5)]} helperText="resources.goals.help.weight" />
        <BooleanInput source="active" />
        <TextInput source="plan" fullWidth helperText="resources.goals.help.plan" />
        <Stack direction="row" spacing={2}>
            <NumberInput source="periodFrom" step={1} validate={year} />
            <NumberInput source="periodTo" step={1} validate={year} />
        </Stack>
        <ParentGoalInput />
        <PersonInput source="ownerId" />
    </SimpleForm>
);

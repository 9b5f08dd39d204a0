import { Typography } from '@mui/material';
import { Edit, RadioButtonGroupInput, SimpleForm, TextInput, required, useTranslate } from 'react-admin';
import { isoDuration } from '../shared/validators';
import { calendarChoices } from '../shared/choices';

const durationValidators = [required(), isoDuration];

const PolicyHelp = () => {
    const translate = useTranslate();
    return <Typography variant="body2" sx={{ mb: 2 }}>{translate('resources.policies.help.intro')}</Typography>;
};

export const PolicyEdit = () => (
    <Edit mutationMode="pessimistic" redirect="list">
        <SimpleForm>
            <PolicyHelp />
            <TextInput source="remindAfter" validate={durationValidators} helperText="resources.policies.help.duration" />
            <TextInput source="escalateAfter" validate={durationValidators} helperText="resources.policies.help.duration" />
            <TextInput source="stalledAfter" validate={durationValidators} helperText="resources.policies.help.duration" />
            <RadioButtonGroupInput source="calendar" choices={calendarChoices} validate={required()} />
            <TextInput source="reportEvery" validate={isoDuration} helperText="resources.policies.help.reportEvery" />
        </SimpleForm>
    </Edit>
);

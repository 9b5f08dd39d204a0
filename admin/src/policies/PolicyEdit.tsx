import { Typography } from '@mui/material';
import {
    Edit,
    NumberInput,
    RadioButtonGroupInput,
    SimpleForm,
    TextInput,
    maxValue,
    minValue,
    required,
    useTranslate,
} from 'react-admin';
import { isoDuration } from '../shared/validators';
import { calendarChoices } from '../shared/choices';
import { RecordTitle, enumLabel } from '../shared/RecordTitle';

const durationValidators = [required(), isoDuration];

const PolicyHelp = () => {
    const translate = useTranslate();
    return <Typography variant="body2" sx={{ mb: 2 }}>{translate('resources.policies.help.intro')}</Typography>;
};

export const PolicyEdit = () => (
    <Edit mutationMode="pessimistic" redirect="list" title={<RecordTitle render={(record, translate) => enumLabel(translate, 'gate', record.id)} />}>
        <SimpleForm>
            <PolicyHelp />
            <TextInput source="remindAfter" validate={durationValidators} helperText="resources.policies.help.duration" />
            <TextInput source="escalateAfter" validate={durationValidators} helperText="resources.policies.help.duration" />
            <TextInput source="stalledAfter" validate={durationValidators} helperText="resources.policies.help.duration" />
            <RadioButtonGroupInput source="calendar" choices={calendarChoices} validate={required()} />
            <TextInput source="reportEvery" validate={isoDuration} helperText="resources.policies.help.reportEvery" />
            <NumberInput
                source="offTrackTolerance"
                min={0}
                max={1}
                step={0.05}
                validate={[minValue(0), maxValue(1)]}
                helperText="resources.policies.help.offTrackTolerance"
            />
        </SimpleForm>
    </Edit>
);

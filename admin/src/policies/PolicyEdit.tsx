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
    useRecordContext,
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

/** A number between bounds, explained by `resources.policies.help.<source>`. */
const BoundedInput = ({ source, min, max, step }: { source: string; min: number; max: number; step: number }) => (
    <NumberInput source={source} min={min} max={max} step={step} validate={[minValue(min), maxValue(max)]} helperText={`resources.policies.help.${source}`} />
);

/** Benefit realisation also says how often governance reviews it and how long a benefit must hold. */
const FollowUpInputs = () => {
    const policy = useRecordContext();
    if (policy?.id !== 'benefit-realisation') return null;
    return (
        <>
            <TextInput source="reviewEvery" validate={isoDuration} helperText="resources.policies.help.reviewEvery" />
            <BoundedInput source="sustainedMeasurements" min={1} max={12} step={1} />
        </>
    );
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
            <BoundedInput source="offTrackTolerance" min={0} max={1} step={0.05} />
            <FollowUpInputs />
        </SimpleForm>
    </Edit>
);

// The decision basis (beslutningsunderlag) on the initiative form: the need, what it costs, its
// risk, the alternatives, privacy (DPIA) and linked documents. Governance decides on it.
import { Typography } from '@mui/material';
import { ArrayInput, NumberInput, RadioButtonGroupInput, SimpleFormIterator, TextInput, minValue, regex, required, useTranslate } from 'react-admin';
import { dpiaChoices, riskChoices } from '../shared/choices';
import { SectionTitle } from '../shared/SectionTitle';

/** The API takes http and https addresses only (a link cannot run script or reach a file). */
const webAddress = regex(/^https?:\/\/\S+$/i, 'app.basis.url_invalid');

export const DecisionBasisInputs = () => {
    const translate = useTranslate();
    return (
        <>
            <SectionTitle label="app.initiative.sections.basis" />
            <Typography variant="body2" sx={{ mb: 1 }}>
                {translate('app.initiative.basis_help')}
            </Typography>
            <TextInput source="problem" label="app.basis.problem" helperText="app.basis.problem_help" multiline minRows={3} fullWidth />
            <NumberInput source="costEstimate.investment" label="app.basis.investment" min={0} validate={minValue(0)} sx={{ minWidth: 280 }} />
            <NumberInput source="costEstimate.yearlyRunning" label="app.basis.yearly_running" min={0} validate={minValue(0)} sx={{ minWidth: 280 }} />
            <RadioButtonGroupInput source="risk.level" label="app.basis.risk_level" choices={riskChoices} />
            <TextInput source="risk.description" label="app.basis.risk_description" multiline minRows={2} fullWidth />
            <TextInput source="alternatives" label="app.basis.alternatives" helperText="app.basis.alternatives_help" multiline minRows={2} fullWidth />
            <RadioButtonGroupInput source="dpia" label="app.basis.dpia" choices={dpiaChoices} helperText="app.basis.dpia_help" />
            <ArrayInput source="documents" label="app.basis.documents" helperText="app.basis.documents_help">
                <SimpleFormIterator inline disableReordering>
                    <TextInput source="title" label="app.basis.document_title" validate={required()} sx={{ minWidth: 240 }} />
                    <TextInput source="url" label="app.basis.document_url" type="url" validate={[required(), webAddress]} sx={{ minWidth: 360 }} />
                </SimpleFormIterator>
            </ArrayInput>
        </>
    );
};

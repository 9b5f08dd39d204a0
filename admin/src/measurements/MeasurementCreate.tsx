import { AutocompleteInput, Create, ReferenceInput, SimpleForm, required } from 'react-admin';
import { MeasurementInputs, today } from './MeasurementInputs';

export const MeasurementCreate = () => (
    <Create redirect={(_resource, _id, data) => `benefits/${data?.benefitId}/show`}>
        <SimpleForm defaultValues={{ measuredAt: today() }}>
            <ReferenceInput source="benefitId" reference="benefits">
                <AutocompleteInput validate={required()} sx={{ minWidth: 320 }} />
            </ReferenceInput>
            <MeasurementInputs />
        </SimpleForm>
    </Create>
);

import { ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField, LocaleNumberField } from '../shared/LocaleFields';
import { RecordShow } from '../shared/pages';

export const MeasurementShow = () => (
    <RecordShow>
        <ReferenceField source="benefitId" reference="benefits" />
        <LocaleNumberField source="value" />
        <LocaleDateField source="measuredAt" />
        <TextField source="note" emptyText="–" />
        <ReferenceField source="reportedById" reference="people" link={false} emptyText="–" />
        <EnumField source="channel" group="channel" />
    </RecordShow>
);

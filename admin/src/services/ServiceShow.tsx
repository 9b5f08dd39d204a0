import { ReferenceField, TextField } from 'react-admin';
import { RelatedInitiatives } from '../initiatives/RelatedInitiatives';
import { RecordShow } from '../shared/pages';

export const ServiceShow = () => (
    <RecordShow>
        <TextField source="name" />
        <ReferenceField source="ownerId" reference="people" />
        <TextField source="description" />
        <RelatedInitiatives target="serviceId" label="resources.services.fields.initiatives" emptyMessage="resources.services.no_initiatives" />
    </RecordShow>
);

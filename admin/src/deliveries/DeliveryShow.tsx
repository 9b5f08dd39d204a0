import { BooleanField, NumberField, ReferenceField, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { RecordShow } from '../shared/pages';

export const DeliveryShow = () => (
    <RecordShow>
        <ReferenceField source="webhookId" reference="webhooks" emptyText="–" />
        <EnumField source="eventType" group="eventType" />
        <EnumField source="status" group="deliveryStatus" variant="chip" />
        <NumberField source="attempts" />
        <LocaleDateField source="lastAttemptAt" showTime emptyText="–" />
        <NumberField source="lastStatusCode" emptyText="–" />
        <TextField source="lastError" emptyText="–" />
        <LocaleDateField source="deliveredAt" showTime emptyText="–" />
        <ReferenceField source="initiativeId" reference="initiatives" emptyText="–" />
        <BooleanField source="test" />
        <TextField source="eventId" />
        <LocaleDateField source="createdAt" showTime />
    </RecordShow>
);

import { BooleanField, DataTable, EditButton, ReferenceManyField, Show, SimpleShowLayout, TextField, TopToolbar, Pagination } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { DateColumn, EnumColumn, NumberColumn } from '../shared/columns';
import { TestWebhookButton } from './TestWebhookButton';

const Actions = () => (
    <TopToolbar>
        <TestWebhookButton />
        <EditButton />
    </TopToolbar>
);

export const WebhookShow = () => (
    <Show actions={<Actions />}>
        <SimpleShowLayout>
            <TextField source="name" />
            <TextField source="url" />
            <EnumField source="format" group="webhookFormat" />
            <EnumField source="events" group="eventType" variant="chip" />
            <BooleanField source="active" />
            <LocaleDateField source="createdAt" showTime />
            <ReferenceManyField label="resources.webhooks.fields.deliveries" reference="deliveries" target="webhookId" sort={{ field: 'createdAt', order: 'DESC' }} perPage={10} pagination={<Pagination />}>
                <DataTable rowClick="show" bulkActionButtons={false} data-testid="webhook-deliveries">
                    <DateColumn source="createdAt" showTime />
                    <EnumColumn source="eventType" group="eventType" />
                    <EnumColumn source="status" group="deliveryStatus" chip />
                    <NumberColumn source="attempts" />
                    <DataTable.Col source="lastError" />
                </DataTable>
            </ReferenceManyField>
        </SimpleShowLayout>
    </Show>
);

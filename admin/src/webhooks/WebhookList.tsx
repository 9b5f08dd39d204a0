import { BooleanField, DataTable } from 'react-admin';
import { ListIntro } from '../shared/ListIntro';
import { ResourceList } from '../shared/ResourceList';
import { EnumColumn, LinkColumn, RecordTable } from '../shared/columns';

export const WebhookList = () => (
    <ResourceList sort={{ field: 'name', order: 'ASC' }}>
        <ListIntro message="resources.webhooks.help.intro" />
        <RecordTable>
            <LinkColumn source="name" />
            <DataTable.Col source="url" />
            <EnumColumn source="format" group="webhookFormat" />
            <EnumColumn source="events" group="eventType" />
            <DataTable.Col source="active">
                <BooleanField source="active" />
            </DataTable.Col>
        </RecordTable>
    </ResourceList>
);

import { DataTable, SelectInput } from 'react-admin';
import { ListIntro } from '../shared/ListIntro';
import { ResourceList } from '../shared/ResourceList';
import { DateColumn, EnumColumn, NumberColumn, RecordTable, ReferenceColumn } from '../shared/columns';
import { deliveryStatusChoices, eventTypeChoices } from '../shared/integrationChoices';
import { referenceFilter } from '../shared/ReferenceFilter';

const deliveryFilters = [
    <SelectInput key="status" source="status" choices={deliveryStatusChoices} alwaysOn />,
    <SelectInput key="eventType" source="eventType" choices={eventTypeChoices} />,
    referenceFilter('webhookId', 'webhooks'),
];

export const DeliveryList = () => (
    <ResourceList filters={deliveryFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
        <ListIntro message="resources.deliveries.help.intro" />
        <RecordTable>
            <DateColumn source="createdAt" showTime linked />
            <ReferenceColumn source="webhookId" reference="webhooks" />
            <EnumColumn source="eventType" group="eventType" />
            <EnumColumn source="status" group="deliveryStatus" chip />
            <NumberColumn source="attempts" />
            <DateColumn source="lastAttemptAt" showTime />
            <DataTable.Col source="lastError" />
        </RecordTable>
    </ResourceList>
);

import { SelectInput, TextInput } from 'react-admin';
import { ResourceList } from '../shared/ResourceList';
import { DateColumn, EnumColumn, RecordTable } from '../shared/columns';
import { channelChoices } from '../shared/choices';
import { referenceFilter } from '../shared/ReferenceFilter';
import { searchFilter } from '../shared/searchFilter';
import { ActorColumns, InitiativeColumn } from '../shared/trailColumns';

const auditFilters = [
    searchFilter(),
    <TextInput key="action" source="action" alwaysOn />,
    <SelectInput key="channel" source="channel" choices={channelChoices} />,
    referenceFilter('actorId', 'people'),
    referenceFilter('initiativeId', 'initiatives'),
];

export const AuditList = () => (
    <ResourceList filters={auditFilters} sort={{ field: 'at', order: 'DESC' }}>
        <RecordTable>
            <DateColumn source="at" showTime linked />
            <EnumColumn source="action" group="auditAction" />
            <InitiativeColumn />
            <ActorColumns source="actorId" emptyText="app.timeline.system" />
        </RecordTable>
    </ResourceList>
);

import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { EmptyState } from '../shared/EmptyState';
import { LocaleDateField } from '../shared/LocaleFields';
import { channelChoices } from '../shared/choices';
import { searchFilter } from '../shared/searchFilter';
import { RecordLinkField } from '../shared/RecordLinkField';

const auditFilters = [
    searchFilter(),
    <TextInput key="action" source="action" alwaysOn />,
    <SelectInput key="channel" source="channel" choices={channelChoices} />,
    <ReferenceInput key="actorId" source="actorId" reference="people">
        <AutocompleteInput label="resources.audit.fields.actorId" />
    </ReferenceInput>,
    <ReferenceInput key="initiativeId" source="initiativeId" reference="initiatives">
        <AutocompleteInput label="resources.audit.fields.initiativeId" />
    </ReferenceInput>,
];

export const AuditList = () => (
    <List filters={auditFilters} sort={{ field: 'at', order: 'DESC' }} empty={<EmptyState showCreate={false} />}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="at">
                <RecordLinkField source="at">
                    <LocaleDateField source="at" showTime />
                </RecordLinkField>
            </DataTable.Col>
            <DataTable.Col source="action">
                <EnumField source="action" group="auditAction" />
            </DataTable.Col>
            <DataTable.Col source="actorId">
                <ReferenceField source="actorId" reference="people" link={false} emptyText="app.timeline.system" />
            </DataTable.Col>
            <DataTable.Col source="initiativeId">
                <ReferenceField source="initiativeId" reference="initiatives" link={false} emptyText="–" />
            </DataTable.Col>
            <DataTable.Col source="channel">
                <EnumField source="channel" group="channel" />
            </DataTable.Col>
        </DataTable>
    </List>
);

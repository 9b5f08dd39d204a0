import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { EmptyState } from '../shared/EmptyState';
import { LocaleDateField } from '../shared/LocaleFields';
import { channelChoices, decisionChoices, gateChoices } from '../shared/choices';
import { searchFilter } from '../shared/searchFilter';
import { RecordLinkField } from '../shared/RecordLinkField';

const decisionFilters = [
    searchFilter(),
    <SelectInput key="gate" source="gate" choices={gateChoices} alwaysOn />,
    <SelectInput key="decision" source="decision" choices={decisionChoices} alwaysOn />,
    <SelectInput key="channel" source="channel" choices={channelChoices} />,
    <ReferenceInput key="initiativeId" source="initiativeId" reference="initiatives">
        <AutocompleteInput label="resources.decisions.fields.initiativeId" />
    </ReferenceInput>,
];

export const DecisionList = () => (
    <List filters={decisionFilters} sort={{ field: 'at', order: 'DESC' }} empty={<EmptyState showCreate={false} />}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="at">
                <RecordLinkField source="at">
                    <LocaleDateField source="at" showTime />
                </RecordLinkField>
            </DataTable.Col>
            <DataTable.Col source="initiativeId">
                <ReferenceField source="initiativeId" reference="initiatives" link={false} />
            </DataTable.Col>
            <DataTable.Col source="gate">
                <EnumField source="gate" group="gate" />
            </DataTable.Col>
            <DataTable.Col source="decision">
                <EnumField source="decision" group="decision" variant="chip" />
            </DataTable.Col>
            <DataTable.Col source="byId">
                <ReferenceField source="byId" reference="people" link={false} />
            </DataTable.Col>
            <DataTable.Col source="channel">
                <EnumField source="channel" group="channel" />
            </DataTable.Col>
        </DataTable>
    </List>
);

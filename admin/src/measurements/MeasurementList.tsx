import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { EmptyState } from '../shared/EmptyState';
import { LocaleDateField, LocaleNumberField } from '../shared/LocaleFields';
import { channelChoices } from '../shared/choices';
import { searchFilter } from '../shared/searchFilter';
import { RecordLinkField } from '../shared/RecordLinkField';

const measurementFilters = [
    searchFilter(),
    <ReferenceInput key="benefitId" source="benefitId" reference="benefits" alwaysOn>
        <AutocompleteInput label="resources.measurements.fields.benefitId" sx={{ minWidth: 280 }} />
    </ReferenceInput>,
    <SelectInput key="channel" source="channel" choices={channelChoices} />,
];

export const MeasurementList = () => (
    <List filters={measurementFilters} sort={{ field: 'measuredAt', order: 'DESC' }} empty={<EmptyState />}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="benefitId">
                <ReferenceField source="benefitId" reference="benefits" link={false} />
            </DataTable.Col>
            <DataTable.Col source="measuredAt">
                <RecordLinkField source="measuredAt">
                    <LocaleDateField source="measuredAt" />
                </RecordLinkField>
            </DataTable.Col>
            <DataTable.Col source="value" align="right">
                <LocaleNumberField source="value" />
            </DataTable.Col>
            <DataTable.Col source="note" />
            <DataTable.Col source="reportedById">
                <ReferenceField source="reportedById" reference="people" link={false} />
            </DataTable.Col>
            <DataTable.Col source="channel">
                <EnumField source="channel" group="channel" />
            </DataTable.Col>
        </DataTable>
    </List>
);

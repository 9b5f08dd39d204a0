import { DataTable, SelectInput } from 'react-admin';
import { ResourceList } from '../shared/ResourceList';
import { DateColumn, NumberColumn, RecordTable, ReferenceColumn } from '../shared/columns';
import { channelChoices } from '../shared/choices';
import { referenceFilter } from '../shared/ReferenceFilter';
import { searchFilter } from '../shared/searchFilter';
import { ActorColumns } from '../shared/trailColumns';

const measurementFilters = [
    searchFilter(),
    referenceFilter('benefitId', 'benefits', { alwaysOn: true }),
    <SelectInput key="channel" source="channel" choices={channelChoices} />,
];

export const MeasurementList = () => (
    <ResourceList filters={measurementFilters} sort={{ field: 'measuredAt', order: 'DESC' }}>
        <RecordTable>
            <ReferenceColumn source="benefitId" reference="benefits" />
            <DateColumn source="measuredAt" linked />
            <NumberColumn source="value" />
            <DataTable.Col source="note" />
            <ActorColumns source="reportedById" />
        </RecordTable>
    </ResourceList>
);

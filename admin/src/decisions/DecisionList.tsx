import { SelectInput } from 'react-admin';
import { ResourceList } from '../shared/ResourceList';
import { EnumColumn, RecordTable } from '../shared/columns';
import { channelChoices, decisionChoices, gateChoices } from '../shared/choices';
import { referenceFilter } from '../shared/ReferenceFilter';
import { searchFilter } from '../shared/searchFilter';
import { ActorColumns, AtGateColumns } from '../shared/trailColumns';

const decisionFilters = [
    searchFilter(),
    <SelectInput key="gate" source="gate" choices={gateChoices} alwaysOn />,
    <SelectInput key="decision" source="decision" choices={decisionChoices} alwaysOn />,
    <SelectInput key="channel" source="channel" choices={channelChoices} />,
    referenceFilter('initiativeId', 'initiatives'),
];

export const DecisionList = () => (
    <ResourceList filters={decisionFilters} sort={{ field: 'at', order: 'DESC' }}>
        <RecordTable>
            <AtGateColumns />
            <EnumColumn source="decision" group="decision" chip />
            <ActorColumns source="byId" />
        </RecordTable>
    </ResourceList>
);

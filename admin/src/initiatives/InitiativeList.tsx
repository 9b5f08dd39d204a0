import { Loading } from 'react-admin';
import { ResourceList } from '../shared/ResourceList';
import { DateColumn, EnumColumn, NumberColumn, RecordTable, ReferenceColumn } from '../shared/columns';
import { useOwnScope } from '../shared/useOwnScope';
import { InitiativeColumns } from './InitiativeColumns';
import { initiativeFilters } from './initiativeFilters';

export const InitiativeList = () => {
    const scope = useOwnScope('serviceOwnerId');
    if (!scope.ready) return <Loading />;
    return (
        <ResourceList filters={initiativeFilters} filterDefaultValues={scope.filter} sort={{ field: 'priorityScore', order: 'DESC' }}>
            <RecordTable>
                <InitiativeColumns />
                <ReferenceColumn source="serviceId" reference="services" />
                <EnumColumn source="escalationLevel" group="escalation" />
                <DateColumn source="gateDueAt" />
                <NumberColumn source="priorityScore" options={{ maximumFractionDigits: 1 }} />
                <ReferenceColumn source="serviceOwnerId" reference="people" />
            </RecordTable>
        </ResourceList>
    );
};

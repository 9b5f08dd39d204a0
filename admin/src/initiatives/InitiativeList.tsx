import { DataTable, List, Loading, ReferenceField, type ListProps } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { EmptyState } from '../shared/EmptyState';
import { LocaleDateField, LocaleNumberField } from '../shared/LocaleFields';
import { useOwnScope } from '../shared/useOwnScope';
import { initiativeFilters } from './initiativeFilters';
import { RecordLinkField } from '../shared/RecordLinkField';

/** The columns shared by the initiative list and the stalled list. */
export const InitiativeColumns = () => (
    <>
        <DataTable.Col source="title">
            <RecordLinkField source="title" />
        </DataTable.Col>
        <DataTable.Col source="serviceId">
            <ReferenceField source="serviceId" reference="services" link={false} />
        </DataTable.Col>
        <DataTable.Col source="gate">
            <EnumField source="gate" group="gate" />
        </DataTable.Col>
        <DataTable.Col source="status">
            <EnumField source="status" group="status" variant="chip" />
        </DataTable.Col>
        <DataTable.Col source="escalationLevel">
            <EnumField source="escalationLevel" group="escalation" />
        </DataTable.Col>
        <DataTable.Col source="gateDueAt">
            <LocaleDateField source="gateDueAt" />
        </DataTable.Col>
        <DataTable.Col source="priorityScore" align="right">
            <LocaleNumberField source="priorityScore" options={{ maximumFractionDigits: 1 }} />
        </DataTable.Col>
    </>
);

export const InitiativeList = (props: Partial<ListProps>) => {
    const scope = useOwnScope('serviceOwnerId');
    if (!scope.ready) return <Loading />;
    return (
        <List
            {...props}
            filter={scope.filter}
            filters={initiativeFilters}
            sort={{ field: 'priorityScore', order: 'DESC' }}
            empty={<EmptyState message={scope.scoped ? 'resources.initiatives.empty_owner' : undefined} />}
        >
            <DataTable rowClick="show" bulkActionButtons={false}>
                <InitiativeColumns />
                <DataTable.Col source="serviceOwnerId">
                    <ReferenceField source="serviceOwnerId" reference="people" link={false} />
                </DataTable.Col>
            </DataTable>
        </List>
    );
};

// The phase checklists, one per gate; administrators open one to change its items.
import { DataTable, List, useCanAccess, useRecordContext } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { EmptyState } from '../shared/EmptyState';
import { ListIntro } from '../shared/ListIntro';
import { LinkColumn, RecordTable } from '../shared/columns';
import type { ChecklistTemplate } from '../shared/types';

const Count = ({ mandatoryOnly = false }: { mandatoryOnly?: boolean }) => {
    const record = useRecordContext<ChecklistTemplate>();
    return <span>{record?.items.filter(item => !mandatoryOnly || item.mandatory).length ?? 0}</span>;
};

export const ChecklistList = () => {
    const { canAccess: editable = false } = useCanAccess({ resource: 'checklists', action: 'edit' });
    return (
        <List pagination={false} perPage={10} sort={{ field: 'id', order: 'ASC' }} empty={<EmptyState />} exporter={false}>
            <ListIntro message="resources.checklists.subtitle" />
            <RecordTable rowClick={editable ? 'edit' : 'show'}>
                <LinkColumn source="id" label="resources.checklists.fields.gate" type={editable ? 'edit' : 'show'}>
                    <EnumField source="id" group="gate" />
                </LinkColumn>
                <DataTable.Col label="resources.checklists.fields.items" disableSort>
                    <Count />
                </DataTable.Col>
                <DataTable.Col label="resources.checklists.fields.mandatory" disableSort>
                    <Count mandatoryOnly />
                </DataTable.Col>
            </RecordTable>
        </List>
    );
};

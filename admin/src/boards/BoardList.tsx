import { DataTable, ReferenceArrayField } from 'react-admin';
import { ListIntro } from '../shared/ListIntro';
import { ResourceList } from '../shared/ResourceList';
import { LinkColumn, RecordTable, ReferenceColumn } from '../shared/columns';
import { searchFilter } from '../shared/searchFilter';

export const BoardList = () => (
    <ResourceList filters={[searchFilter()]} sort={{ field: 'name', order: 'ASC' }}>
        <ListIntro message="resources.boards.subtitle" />
        <RecordTable>
            <LinkColumn source="name" />
            <ReferenceColumn source="chairId" reference="people" emptyText="–" />
            <DataTable.Col source="memberIds" disableSort>
                <ReferenceArrayField source="memberIds" reference="people" />
            </DataTable.Col>
        </RecordTable>
    </ResourceList>
);

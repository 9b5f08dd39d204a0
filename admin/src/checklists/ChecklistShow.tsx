import { ArrayField, BooleanField, DataTable } from 'react-admin';
import { RecordShow } from '../shared/pages';
import { checklistTitle } from './ChecklistEdit';

export const ChecklistShow = () => (
    <RecordShow title={checklistTitle}>
        <ArrayField source="items">
            <DataTable bulkActionButtons={false} rowClick={false}>
                <DataTable.Col source="text" label="resources.checklists.fields.text" />
                <DataTable.Col source="mandatory" label="resources.checklists.fields.mandatory">
                    <BooleanField source="mandatory" />
                </DataTable.Col>
                <DataTable.Col source="key" label="resources.checklists.fields.key" />
            </DataTable>
        </ArrayField>
    </RecordShow>
);

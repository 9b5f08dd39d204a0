import { DataTable, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { RecordLinkField } from '../shared/RecordLinkField';

export const ServiceShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="name" />
            <TextField source="description" />
            <ReferenceField source="ownerId" reference="people" />
            <ReferenceManyField
                label="resources.services.fields.initiatives"
                reference="initiatives"
                target="serviceId"
                sort={{ field: 'priorityScore', order: 'DESC' }}
            >
                <DataTable bulkActionButtons={false} rowClick="show" empty={<span>–</span>}>
                    <DataTable.Col source="title">
                        <RecordLinkField source="title" />
                    </DataTable.Col>
                    <DataTable.Col source="gate">
                        <EnumField source="gate" group="gate" />
                    </DataTable.Col>
                    <DataTable.Col source="status">
                        <EnumField source="status" group="status" variant="chip" />
                    </DataTable.Col>
                </DataTable>
            </ReferenceManyField>
        </SimpleShowLayout>
    </Show>
);

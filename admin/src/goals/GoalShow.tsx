// A goal and the initiatives that serve it (initiatives carry goalIds, derived from goalLinks).
import {
    BooleanField,
    DataTable,
    NumberField,
    ReferenceManyField,
    Show,
    SimpleShowLayout,
    TextField,
    useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { EnumField } from '../shared/EnumField';
import { RecordLinkField } from '../shared/RecordLinkField';

const NoInitiatives = () => {
    const translate = useTranslate();
    return <Typography role="status">{translate('resources.goals.no_initiatives')}</Typography>;
};

export const GoalShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="code" />
            <TextField source="title" />
            <TextField source="description" />
            <NumberField source="weight" />
            <BooleanField source="active" />
            <ReferenceManyField
                label="resources.goals.fields.initiatives"
                reference="initiatives"
                target="goalIds"
                sort={{ field: 'priorityScore', order: 'DESC' }}
                empty={<NoInitiatives />}
            >
                <DataTable bulkActionButtons={false} rowClick="show">
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

// An administrator's items of one gate's checklist: a key (kept on initiatives' marks), the text
// people read, and whether the item blocks the gate's approval until it is settled.
import { Typography } from '@mui/material';
import { ArrayInput, BooleanInput, Edit, SimpleForm, SimpleFormIterator, TextInput, regex, required, useTranslate } from 'react-admin';
import { RecordTitle, enumLabel } from '../shared/RecordTitle';

const itemKey = regex(/^[a-z0-9-]{1,80}$/, 'resources.checklists.help.key');

const ChecklistHelp = () => {
    const translate = useTranslate();
    return <Typography variant="body2" sx={{ mb: 2 }}>{translate('resources.checklists.help.intro')}</Typography>;
};

export const checklistTitle = <RecordTitle render={(record, translate) => enumLabel(translate, 'gate', record.id)} />;

export const ChecklistEdit = () => (
    <Edit mutationMode="pessimistic" redirect="list" title={checklistTitle}>
        <SimpleForm>
            <ChecklistHelp />
            <ArrayInput source="items" label="resources.checklists.fields.items">
                <SimpleFormIterator inline>
                    <TextInput source="text" label="resources.checklists.fields.text" validate={required()} sx={{ minWidth: 560 }} />
                    <TextInput source="key" label="resources.checklists.fields.key" validate={[required(), itemKey]} helperText="resources.checklists.help.key" sx={{ minWidth: 220 }} />
                    <BooleanInput source="mandatory" label="resources.checklists.fields.mandatory" />
                </SimpleFormIterator>
            </ArrayInput>
        </SimpleForm>
    </Edit>
);

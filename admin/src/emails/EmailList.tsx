import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { EmptyState } from '../shared/EmptyState';
import { LocaleDateField } from '../shared/LocaleFields';
import { emailKindChoices, emailStatusChoices } from '../shared/choices';
import { searchFilter } from '../shared/searchFilter';
import { MailboxLink } from './MailboxLink';
import { RecordLinkField } from '../shared/RecordLinkField';

const emailFilters = [
    searchFilter(),
    <SelectInput key="kind" source="kind" choices={emailKindChoices} alwaysOn />,
    <SelectInput key="status" source="status" choices={emailStatusChoices} />,
    <ReferenceInput key="initiativeId" source="initiativeId" reference="initiatives">
        <AutocompleteInput label="resources.emails.fields.initiativeId" />
    </ReferenceInput>,
];

export const EmailList = () => (
    <List
        filters={emailFilters}
        sort={{ field: 'sentAt', order: 'DESC' }}
        empty={<EmptyState showCreate={false} action={<MailboxLink />} />}
    >
        <MailboxLink />
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="sentAt">
                <LocaleDateField source="sentAt" showTime emptyText="–" />
            </DataTable.Col>
            <DataTable.Col source="to" />
            <DataTable.Col source="subject">
                <RecordLinkField source="subject" />
            </DataTable.Col>
            <DataTable.Col source="kind">
                <EnumField source="kind" group="emailKind" />
            </DataTable.Col>
            <DataTable.Col source="status">
                <EnumField source="status" group="emailStatus" variant="chip" />
            </DataTable.Col>
            <DataTable.Col source="initiativeId">
                <ReferenceField source="initiativeId" reference="initiatives" link={false} />
            </DataTable.Col>
        </DataTable>
    </List>
);

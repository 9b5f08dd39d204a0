import { DataTable, SelectInput } from 'react-admin';
import { EmptyState } from '../shared/EmptyState';
import { ResourceList } from '../shared/ResourceList';
import { DateColumn, EnumColumn, LinkColumn, RecordTable } from '../shared/columns';
import { emailKindChoices, emailStatusChoices } from '../shared/choices';
import { referenceFilter } from '../shared/ReferenceFilter';
import { searchFilter } from '../shared/searchFilter';
import { InitiativeColumn } from '../shared/trailColumns';
import { MailboxLink } from './MailboxLink';

const emailFilters = [
    searchFilter(),
    <SelectInput key="kind" source="kind" choices={emailKindChoices} alwaysOn />,
    <SelectInput key="status" source="status" choices={emailStatusChoices} />,
    referenceFilter('initiativeId', 'initiatives'),
];

export const EmailList = () => (
    <ResourceList filters={emailFilters} sort={{ field: 'sentAt', order: 'DESC' }} empty={<EmptyState action={<MailboxLink />} />}>
        <MailboxLink />
        <RecordTable>
            <DateColumn source="sentAt" showTime />
            <DataTable.Col source="to" />
            <LinkColumn source="subject" />
            <EnumColumn source="kind" group="emailKind" />
            <EnumColumn source="status" group="emailStatus" chip />
            <InitiativeColumn />
        </RecordTable>
    </ResourceList>
);

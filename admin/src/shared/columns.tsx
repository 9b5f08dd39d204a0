// The kinds of column the lists use, so that each list names its columns one line apiece and a
// column shows a value the same way everywhere (translated codes, locale dates, people by name).
import type { ReactNode } from 'react';
import { DataTable, ReferenceField, type DataTableProps } from 'react-admin';
import { EnumField } from './EnumField';
import { LocaleDateField, LocaleNumberField } from './LocaleFields';
import { RecordLinkField } from './RecordLinkField';

/** A list's table: a row opens the record's page; bulk selection only where a list offers actions. */
export const RecordTable = (props: DataTableProps) => <DataTable rowClick="show" bulkActionButtons={false} {...props} />;

interface ColumnProps {
    source: string;
    label?: string;
}

interface LinkColumnProps extends ColumnProps {
    /** Rendered inside the link instead of the raw value. */
    children?: ReactNode;
    type?: 'show' | 'edit';
}

/** The record's name as a keyboard-reachable link to its page. */
export const LinkColumn = ({ source, label, children, type }: LinkColumnProps) => (
    <DataTable.Col source={source} label={label}>
        <RecordLinkField source={source} type={type}>
            {children}
        </RecordLinkField>
    </DataTable.Col>
);

/** A coded value by its translated name (`app.enums.<group>`), as a coloured chip where asked. */
export const EnumColumn = ({ source, label, group, chip }: ColumnProps & { group: string; chip?: boolean }) => (
    <DataTable.Col source={source} label={label}>
        <EnumField source={source} group={group} variant={chip ? 'chip' : 'text'} />
    </DataTable.Col>
);

/** Another record by its representation (a person by name: the directory gives everyone that). */
export const ReferenceColumn = ({ source, label, reference, emptyText }: ColumnProps & { reference: string; emptyText?: string }) => (
    <DataTable.Col source={source} label={label}>
        <ReferenceField source={source} reference={reference} link={false} emptyText={emptyText} />
    </DataTable.Col>
);

interface DateColumnProps extends ColumnProps {
    showTime?: boolean;
    /** The date is what names the record (decisions, audit entries): link it to the record's page. */
    linked?: boolean;
}

export const DateColumn = ({ source, label, showTime, linked }: DateColumnProps) => {
    const date = <LocaleDateField source={source} showTime={showTime} emptyText="–" />;
    return linked ? (
        <LinkColumn source={source} label={label}>
            {date}
        </LinkColumn>
    ) : (
        <DataTable.Col source={source} label={label}>
            {date}
        </DataTable.Col>
    );
};

export const NumberColumn = ({ source, label, options }: ColumnProps & { options?: Intl.NumberFormatOptions }) => (
    <DataTable.Col source={source} label={label} align="right">
        <LocaleNumberField source={source} options={options} emptyText="–" />
    </DataTable.Col>
);

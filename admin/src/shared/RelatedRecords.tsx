// The records that belong to the one shown (an initiative's conditions, a goal's initiatives),
// as a table, or a sentence saying there are none yet.
import type { ReactNode } from 'react';
import { Typography } from '@mui/material';
import { ReferenceManyField, useTranslate, type SortPayload } from 'react-admin';
import { RecordTable } from './columns';

const None = ({ message }: { message: string }) => {
    const translate = useTranslate();
    return <Typography role="status">{translate(message)}</Typography>;
};

interface RelatedRecordsProps {
    reference: string;
    /** The field of `reference` that points at the record shown. */
    target?: string;
    sort: SortPayload;
    /** Translation key of what to say when there are none. */
    emptyMessage: string;
    label?: string;
    filter?: Record<string, unknown>;
    /** A row opens its record; off where the rows carry their own buttons. */
    rowClick?: 'show' | false;
    children: ReactNode;
}

export const RelatedRecords = ({ reference, target = 'initiativeId', sort, emptyMessage, label, filter, rowClick = 'show', children }: RelatedRecordsProps) => (
    <ReferenceManyField label={label} reference={reference} target={target} sort={sort} filter={filter} perPage={100} empty={<None message={emptyMessage} />}>
        <RecordTable rowClick={rowClick}>{children}</RecordTable>
    </ReferenceManyField>
);

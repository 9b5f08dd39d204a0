// A keyboard-reachable link to the record's page; DataTable row clicks alone are mouse-only.
import type { MouseEvent, ReactNode } from 'react';
import { Link, useCreatePath, useFieldValue, useRecordContext, useResourceContext } from 'react-admin';

interface RecordLinkFieldProps {
    source: string;
    type?: 'show' | 'edit';
    /** Rendered inside the link instead of the raw value (e.g. a formatted date). */
    children?: ReactNode;
    label?: string;
}

export const RecordLinkField = ({ source, type = 'show', children }: RecordLinkFieldProps) => {
    const record = useRecordContext();
    const resource = useResourceContext();
    const value = useFieldValue({ source });
    const createPath = useCreatePath();
    if (!record || !resource) return null;
    return (
        <Link to={createPath({ resource, id: record.id, type })} onClick={(event: MouseEvent) => event.stopPropagation()}>
            {children ?? String(value ?? '')}
        </Link>
    );
};

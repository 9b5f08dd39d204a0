// Every resource list: formula-safe CSV export and an empty state that says what to do next.
import { List, type ListProps } from 'react-admin';
import { csvExporter } from '../export/csvExporter';
import { EmptyState } from './EmptyState';

interface ResourceListProps extends ListProps {
    /** Translation key of the empty state's explanation (default `resources.<resource>.empty`). */
    emptyMessage?: string;
}

export const ResourceList = ({ emptyMessage, ...props }: ResourceListProps) => (
    <List exporter={csvExporter} empty={<EmptyState message={emptyMessage} />} {...props} />
);

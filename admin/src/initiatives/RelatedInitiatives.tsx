// The initiatives that serve a goal or change a service, highest priority first.
import { RelatedRecords } from '../shared/RelatedRecords';
import { InitiativeColumns } from './InitiativeColumns';

interface RelatedInitiativesProps {
    /** The initiative field that points at the record shown (serviceId, goalIds). */
    target: string;
    label: string;
    /** Translation key of what to say when there are none. */
    emptyMessage: string;
}

export const RelatedInitiatives = ({ target, label, emptyMessage }: RelatedInitiativesProps) => (
    <RelatedRecords reference="initiatives" target={target} label={label} sort={{ field: 'priorityScore', order: 'DESC' }} emptyMessage={emptyMessage}>
        <InitiativeColumns />
    </RelatedRecords>
);

// The initiatives that serve a goal or change a service, highest priority first.
import { Typography } from '@mui/material';
import { ReferenceManyField, useTranslate } from 'react-admin';
import { RecordTable } from '../shared/columns';
import { InitiativeColumns } from './InitiativeColumns';

const None = ({ message }: { message: string }) => {
    const translate = useTranslate();
    return <Typography role="status">{translate(message)}</Typography>;
};

interface RelatedInitiativesProps {
    /** The initiative field that points at the record shown (serviceId, goalIds). */
    target: string;
    label: string;
    /** Translation key of what to say when there are none. */
    emptyMessage: string;
}

export const RelatedInitiatives = ({ target, label, emptyMessage }: RelatedInitiativesProps) => (
    <ReferenceManyField
        label={label}
        reference="initiatives"
        target={target}
        sort={{ field: 'priorityScore', order: 'DESC' }}
        empty={<None message={emptyMessage} />}
    >
        <RecordTable>
            <InitiativeColumns />
        </RecordTable>
    </ReferenceManyField>
);

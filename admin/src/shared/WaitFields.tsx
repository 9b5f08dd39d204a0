// How long an initiative has waited at its gate, and the person it waits for.
import { ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import { formatWait } from './format';
import { responsibleFor, type Initiative } from './types';

export const WaitedField = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    if (!record?.gateEnteredAt) return null;
    return <time dateTime={record.gateEnteredAt}>{formatWait(record.gateEnteredAt, translate)}</time>;
};

export const WaitingOnField = () => {
    const record = useRecordContext<Initiative>();
    if (!record) return null;
    return (
        <ReferenceField record={{ ...record, waitingOn: responsibleFor(record) }} source="waitingOn" reference="people" link={false} emptyText="–" />
    );
};

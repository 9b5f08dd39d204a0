// How long an initiative has waited at its gate, and the person it waits for.
import { ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import { formatWait } from './format';
import { responsiblePerson } from '@domain/gates';
import type { Initiative } from './types';

export const WaitedField = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    if (!record?.gateEnteredAt) return null;
    return <time dateTime={record.gateEnteredAt}>{formatWait(record.gateEnteredAt, translate)}</time>;
};

/** The read model says whom the step waits for; before it does, the initiative names them. */
const waitingOn = (initiative: Initiative) =>
    initiative.waitingOnId ?? responsiblePerson(initiative, initiative.gate, initiative.gateStep ?? 'decision');

export const WaitingOnField = () => {
    const record = useRecordContext<Initiative>();
    if (!record) return null;
    return (
        <ReferenceField record={{ ...record, waitingOn: waitingOn(record) }} source="waitingOn" reference="people" link={false} emptyText="–" />
    );
};

// How long an initiative has waited at its gate, and the people it waits for.
import { useGetManyAggregate, useRecordContext, useTranslate } from 'react-admin';
import { formatWait } from './format';
import { responsiblePerson } from '@domain/gates';
import type { Initiative, Person } from './types';

export const WaitedField = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    if (!record?.gateEnteredAt) return null;
    return <time dateTime={record.gateEnteredAt}>{formatWait(record.gateEnteredAt, translate)}</time>;
};

/**
 * Everyone the step waits for (a board's members, or the one person) as the read model says;
 * before it says, the person the initiative names for the step. A draft waits for its project manager.
 */
const waitingOn = (initiative: Initiative): string[] => {
    if (initiative.status === 'draft') return initiative.projectManagerId ? [initiative.projectManagerId] : [];
    if (initiative.waitingOnIds?.length) return initiative.waitingOnIds;
    const one = initiative.waitingOnId ?? responsiblePerson(initiative, initiative.gate, initiative.gateStep ?? 'decision');
    return one ? [one] : [];
};

export const WaitingOnField = () => {
    const record = useRecordContext<Initiative>();
    const ids = record && ['active', 'draft'].includes(record.status) ? waitingOn(record) : [];
    const { data: people } = useGetManyAggregate<Person>('people', { ids }, { enabled: ids.length > 0 });
    if (!record || ids.length === 0) return <span>–</span>;
    const names = ids.map(id => people?.find(person => person.id === id)?.name).filter(Boolean);
    return <span data-testid="waiting-on-names">{names.length ? names.join(', ') : '…'}</span>;
};

// One chronological history of an initiative: decisions, emails and audit entries merged.
import { Alert, Box, Chip, CircularProgress, List, ListItem, Typography } from '@mui/material';
import {
    RecordContextProvider,
    ReferenceField,
    useGetManyReference,
    useLocaleState,
    useRecordContext,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { EnumField } from '../shared/EnumField';
import type { Initiative } from '../shared/types';

type Source = 'decisions' | 'emails' | 'audit';
interface Entry {
    source: Source;
    at: string;
    record: RaRecord;
}

const timeField: Record<Source, string> = { decisions: 'at', emails: 'sentAt', audit: 'at' };
const sourceColor = { decisions: 'primary', emails: 'secondary', audit: 'default' } as const;

const useEntries = (source: Source, initiativeId: string) => {
    const { data, isPending, error } = useGetManyReference(source, {
        target: 'initiativeId',
        id: initiativeId,
        pagination: { page: 1, perPage: 200 },
        sort: { field: timeField[source], order: 'DESC' },
    });
    const entries: Entry[] = (data ?? []).map(record => ({
        source,
        at: record[timeField[source]] ?? record.createdAt,
        record,
    }));
    return { entries, isPending, failed: !!error };
};

const EntryText = ({ entry }: { entry: Entry }) => {
    const { record } = entry;
    if (entry.source === 'decisions')
        return (
            <>
                <EnumField source="decision" group="decision" variant="chip" /> <EnumField source="gate" group="gate" />
                {record.step === 'confirmation' && (
                    <>
                        {' '}
                        (<EnumField source="step" group="step" />)
                    </>
                )}
                {record.comment && <Typography variant="body2">«{record.comment}»</Typography>}
                {Array.isArray(record.conditions) && record.conditions.length > 0 && (
                    <Typography variant="body2">{record.conditions.join('; ')}</Typography>
                )}
                {' · '}
                <ReferenceField source="byId" reference="people" link={false} />
            </>
        );
    if (entry.source === 'emails')
        return (
            <>
                <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>{record.subject}</Typography>{' '}
                (<EnumField source="kind" group="emailKind" />, <EnumField source="status" group="emailStatus" />)
                <Typography variant="body2">{Array.isArray(record.to) ? record.to.join(', ') : record.to}</Typography>
            </>
        );
    return (
        <>
            <EnumField source="action" group="auditAction" /> · <EnumField source="channel" group="channel" /> ·{' '}
            <ReferenceField source="actorId" reference="people" link={false} emptyText="app.timeline.system" />
            {record.details && (
                <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
                    {typeof record.details === 'string' ? record.details : readableDetails(record.details)}
                </Typography>
            )}
        </>
    );
};

export const Timeline = () => {
    const initiative = useRecordContext<Initiative>();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const id = initiative?.id ?? '';
    const sources = [useEntries('decisions', id), useEntries('emails', id), useEntries('audit', id)];
    if (sources.some(source => source.isPending)) return <CircularProgress aria-label={translate('ra.page.loading')} />;

    const entries = sources
        .flatMap(source => source.entries)
        .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
    const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

    return (
        <Box data-testid="initiative-timeline">
            {sources.some(source => source.failed) && (
                <Alert severity="info" sx={{ mb: 1 }}>{translate('app.timeline.partial')}</Alert>
            )}
            {entries.length === 0 ? (
                <Typography role="status">{translate('app.timeline.empty')}</Typography>
            ) : (
                <List component="ol" aria-label={translate('app.timeline.title')}>
                    {entries.map(entry => (
                        <ListItem
                            key={`${entry.source}-${entry.record.id}`}
                            divider
                            data-testid={`timeline-${entry.source}`}
                            sx={{ display: 'block' }}
                        >
                            <RecordContextProvider value={entry.record}>
                                <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
                                    <time dateTime={entry.at}>{entry.at ? time.format(new Date(entry.at)) : ''}</time>{' '}
                                    <Chip size="small" label={translate(`app.timeline.${entry.source}`)} color={sourceColor[entry.source]} variant="outlined" />
                                </Typography>
                                <EntryText entry={entry} />
                            </RecordContextProvider>
                        </ListItem>
                    ))}
                </List>
            )}
        </Box>
    );
};

/** Audit details as "key: value" pairs, leaving out empty ones. */
function readableDetails(details: Record<string, unknown>): string {
    return Object.entries(details)
        .filter(([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
        .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
        .join(' · ');
}

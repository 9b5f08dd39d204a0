import { Box } from '@mui/material';
import { ReferenceField, useRecordContext } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { RecordTitle, enumLabel } from '../shared/RecordTitle';
import { RecordShow } from '../shared/pages';

/** Free-form details of an audit entry (reason, old and new values), shown as formatted JSON. */
const DetailsField = ({ source }: { source: 'details' }) => {
    const record = useRecordContext();
    const details = record?.[source];
    if (details === undefined || details === null) return <span>–</span>;
    return (
        <Box component="pre" tabIndex={0} sx={{ m: 0, p: 1, bgcolor: '#f0f2f5', borderRadius: 1, overflow: 'auto' }}>
            {typeof details === 'string' ? details : JSON.stringify(details, null, 2)}
        </Box>
    );
};

export const AuditShow = () => (
    <RecordShow title={<RecordTitle render={(record, translate) => enumLabel(translate, 'auditAction', record.action)} />}>
        <LocaleDateField source="at" showTime />
        <EnumField source="action" group="auditAction" />
        <ReferenceField source="actorId" reference="people" emptyText="app.timeline.system" />
        <ReferenceField source="initiativeId" reference="initiatives" emptyText="–" />
        <EnumField source="channel" group="channel" />
        <DetailsField source="details" />
    </RecordShow>
);

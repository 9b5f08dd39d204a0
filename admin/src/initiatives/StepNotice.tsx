// What stands out on an initiative's page before anything else: a workflow that cannot go on
// (and why), a draft not yet sent to governance, a gate sent back for revision (with the
// decider's words), or a gate on hold.
import { Alert, AlertTitle, Stack } from '@mui/material';
import { ReferenceField, useGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDate } from '../shared/format';
import type { Initiative } from '../shared/types';

/** The decider's reason for the latest revision. */
const RevisionReason = ({ initiative }: { initiative: Initiative }) => {
    const { data } = useGetList('decisions', {
        filter: { initiativeId: initiative.id, decision: 'revise' },
        sort: { field: 'at', order: 'DESC' },
        pagination: { page: 1, perPage: 1 },
    });
    const decision = data?.[0];
    if (!decision?.comment) return null;
    return (
        <>
            «{decision.comment}» – <ReferenceField record={decision} source="byId" reference="people" link={false} />
        </>
    );
};

export const StepNotice = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    if (!record) return null;
    const notices = [];
    if (record.blockedReason)
        notices.push(
            <Alert key="blocked" severity="error" variant="filled" role="alert" data-testid="blocked-reason">
                <AlertTitle>{translate('app.step_notice.blocked_title')}</AlertTitle>
                {record.blockedReason}
                <br />
                {translate('app.step_notice.blocked_help')}
            </Alert>
        );
    if (record.status === 'draft')
        notices.push(
            <Alert key="draft" severity="info" data-testid="draft-notice">
                {translate('app.step_notice.draft')}
            </Alert>
        );
    if (record.status === 'active' && record.gateStep === 'revision')
        notices.push(
            <Alert key="revision" severity="warning" data-testid="revision-notice">
                <AlertTitle>{translate('app.step_notice.revision')}</AlertTitle>
                <RevisionReason initiative={record} />
            </Alert>
        );
    if (record.status === 'active' && record.gateStep === 'hold')
        notices.push(
            <Alert key="hold" severity="info" data-testid="hold-notice">
                {translate('app.step_notice.hold', { date: formatDate(record.holdUntil ?? undefined, locale) })}
            </Alert>
        );
    if (notices.length === 0) return null;
    return <Stack spacing={1} sx={{ px: 2, pt: 2 }}>{notices}</Stack>;
};

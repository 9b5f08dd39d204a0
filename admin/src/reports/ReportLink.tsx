// Links to the printable benefit reports (HTML the API renders), in the language the console shows.
// They open in a new window, where the browser prints the report or saves it as PDF.
import { Button, Link } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { apiUrl } from '../providers/httpClient';
import type { Initiative } from '../shared/types';

const useReportHref = (path: string) => {
    const [locale] = useLocaleState();
    return `${apiUrl}${path}?${new URLSearchParams({ locale }).toString()}`;
};

const NEW_WINDOW = { target: '_blank', rel: 'noopener noreferrer' } as const;

/** On an initiative's page: its report. */
export const InitiativeReportButton = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    const href = useReportHref(`/initiatives/${encodeURIComponent(String(record?.id ?? ''))}/report`);
    if (!record) return null;
    return (
        <Button
            component="a"
            href={href}
            {...NEW_WINDOW}
            startIcon={<PrintIcon />}
            data-testid="initiative-report-link"
            // The accessible name starts with the visible text (WCAG 2.5.3), then says what and where.
            aria-label={`${translate('app.report.initiative')}: ${record.title} (${translate('app.new_window')})`}
        >
            {translate('app.report.initiative')}
        </Button>
    );
};

/** On a service owner's scoreboard row: the report of the benefits they own. */
export const OwnerReportLink = ({ ownerId, ownerName }: { ownerId: string; ownerName: string }) => {
    const translate = useTranslate();
    const href = useReportHref(`/reports/owners/${encodeURIComponent(ownerId)}/report`);
    return (
        <Link
            href={href}
            {...NEW_WINDOW}
            data-testid={`owner-report-link-${ownerId}`}
            aria-label={`${translate('app.owners_board.report')}: ${ownerName} (${translate('app.new_window')})`}
        >
            {translate('app.owners_board.report')}
        </Link>
    );
};

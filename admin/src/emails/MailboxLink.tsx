// Link to the local mail catcher, when the deployment has one, so testers can open the action links.
import { Box, Link } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useMeta } from '../shared/useConsoleDataProvider';

export const MailboxLink = () => {
    const translate = useTranslate();
    const { data: meta } = useMeta();
    if (!meta?.mailboxUrl) return null;
    return (
        <Box sx={{ px: 2, pt: 1 }}>
            <Link href={meta.mailboxUrl} target="_blank" rel="noopener noreferrer" data-testid="mailbox-link">
                {translate('resources.emails.open_mailbox')} ({translate('app.new_window')})
            </Link>
        </Box>
    );
};

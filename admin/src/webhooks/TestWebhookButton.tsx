// Sends a made-up event to this webhook, so an administrator sees whether the receiver answers.
import SendIcon from '@mui/icons-material/Send';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useState } from 'react';
import { callApi } from '../providers/httpClient';

export const TestWebhookButton = () => {
    const record = useRecordContext();
    const notify = useNotify();
    const refresh = useRefresh();
    const [sending, setSending] = useState(false);
    if (!record) return null;
    const send = async () => {
        setSending(true);
        try {
            await callApi(`/webhooks/${record.id}/test`, { method: 'POST', body: {} });
            notify('resources.webhooks.test.sent', { type: 'info' });
            // The delivery shows up below within a moment.
            setTimeout(refresh, 1500);
        } catch (error) {
            notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        } finally {
            setSending(false);
        }
    };
    return <Button label="resources.webhooks.test.button" onClick={send} disabled={sending || !record.active} data-testid="webhook-test"><SendIcon /></Button>;
};

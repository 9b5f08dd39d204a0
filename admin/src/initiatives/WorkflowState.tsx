// Live state straight from the Temporal workflow (query), plus a link to the Temporal Web UI.
import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { useConsoleDataProvider, useMeta } from '../shared/useConsoleDataProvider';
import type { Initiative } from '../shared/types';

export const TemporalLink = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    const { data: meta } = useMeta();
    if (!record?.workflowId || !meta?.temporalUiUrl) return null;
    const href = `${meta.temporalUiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(meta.namespace)}/workflows/${encodeURIComponent(record.workflowId)}`;
    return (
        <Button
            component="a"
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            startIcon={<OpenInNewIcon />}
            data-testid="temporal-link"
            aria-label={`${translate('app.workflow.open_temporal')} (${translate('app.new_window')})`}
        >
            {translate('app.workflow.open_temporal')}
        </Button>
    );
};

export const WorkflowState = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    const dataProvider = useConsoleDataProvider();
    const { data, error, isPending, refetch, isFetching } = useQuery({
        queryKey: ['workflow', record?.id],
        queryFn: () => dataProvider.getWorkflowState(record!.id),
        enabled: !!record,
        retry: false,
    });
    if (!record) return null;
    return (
        <Box data-testid="workflow-state">
            <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
                <Button startIcon={<RefreshIcon />} onClick={() => refetch()} disabled={isFetching}>
                    {translate('ra.action.refresh')}
                </Button>
                <TemporalLink />
            </Stack>
            {record.workflowId && (
                <Box sx={{ mb: 1 }}>
                    {translate('resources.initiatives.fields.workflowId')}: <code>{record.workflowId}</code>
                </Box>
            )}
            {isPending ? (
                <CircularProgress aria-label={translate('ra.page.loading')} />
            ) : error ? (
                <Alert severity="warning">{translate('app.workflow.unavailable', { message: (error as Error).message })}</Alert>
            ) : (
                <Box
                    component="pre"
                    tabIndex={0}
                    aria-label={translate('app.workflow.title')}
                    sx={{ bgcolor: '#f0f2f5', color: '#1c1c1c', p: 2, borderRadius: 1, overflow: 'auto', maxHeight: 480 }}
                >
                    {JSON.stringify(data, null, 2)}
                </Box>
            )}
            {!record.workflowId && <Typography>{translate('app.workflow.none')}</Typography>}
        </Box>
    );
};

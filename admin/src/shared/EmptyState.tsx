// List placeholder that says what to do next instead of a bare "no results".
import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import InboxIcon from '@mui/icons-material/Inbox';
import { CreateButton, useCanAccess, useResourceContext, useTranslate } from 'react-admin';

interface EmptyStateProps {
    /** Translation key of the explanation; defaults to `resources.<resource>.empty`. */
    message?: string;
    action?: ReactNode;
    showCreate?: boolean;
}

export const EmptyState = ({ message, action, showCreate = true }: EmptyStateProps) => {
    const resource = useResourceContext();
    const translate = useTranslate();
    const { canAccess: canCreate } = useCanAccess({ resource: resource ?? '', action: 'create' });
    return (
        <Box
            role="status"
            data-testid={`empty-${resource}`}
            sx={{ textAlign: 'center', p: 4, m: 2, bgcolor: 'background.paper', borderRadius: 1, flex: 1 }}
        >
            <InboxIcon aria-hidden sx={{ fontSize: 64, color: 'text.secondary' }} />
            <Typography variant="h6" component="p" gutterBottom>
                {translate(message ?? `resources.${resource}.empty`)}
            </Typography>
            {action}
            {showCreate && canCreate && <CreateButton variant="contained" />}
        </Box>
    );
};

// Administrator actions on stalled or stuck initiatives: one record, or the list's selection.
import { useState, type ReactElement } from 'react';
import { Button, Stack } from '@mui/material';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import SkipNextIcon from '@mui/icons-material/SkipNext';
import CancelIcon from '@mui/icons-material/Cancel';
import { useListContext, useRecordContext, useTranslate } from 'react-admin';
import { AdminActionDialog } from './AdminActionDialog';
import { ADMIN_ACTIONS, type AdminAction } from '@domain/types';
import type { Initiative } from '../shared/types';

const icons: Record<AdminAction, ReactElement> = {
    nudge: <NotificationsActiveIcon />,
    reassign: <PersonSearchIcon />,
    skip: <SkipNextIcon />,
    cancel: <CancelIcon />,
};

interface ButtonsProps {
    ids: string[];
    testIdPrefix: string;
    size?: 'small' | 'medium';
    onDone?: () => void;
}

const AdminActionRow = ({ ids, testIdPrefix, size = 'medium', onDone }: ButtonsProps) => {
    const translate = useTranslate();
    const [action, setAction] = useState<AdminAction | null>(null);
    return (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {ADMIN_ACTIONS.map(name => (
                <Button
                    key={name}
                    size={size}
                    color={name === 'cancel' ? 'error' : 'primary'}
                    variant="outlined"
                    startIcon={icons[name]}
                    data-testid={`${testIdPrefix}-${name}`}
                    onClick={event => {
                        event.stopPropagation();
                        setAction(name);
                    }}
                >
                    {translate(`app.enums.adminAction.${name}`)}
                </Button>
            ))}
            <AdminActionDialog action={action} ids={ids} onClose={() => setAction(null)} onDone={onDone} />
        </Stack>
    );
};

/** For the current record (show page, list rows). */
export const AdminActionButtons = ({ size }: { size?: 'small' | 'medium' }) => {
    const record = useRecordContext<Initiative>();
    if (!record || record.status !== 'active') return null;
    return <AdminActionRow ids={[record.id]} testIdPrefix="admin-action" size={size} />;
};

/** For the list's bulk-action toolbar. */
export const AdminBulkActionButtons = () => {
    const { selectedIds, onUnselectItems } = useListContext();
    return (
        <AdminActionRow
            ids={selectedIds.map(String)}
            testIdPrefix="bulk-admin-action"
            size="small"
            onDone={() => onUnselectItems()}
        />
    );
};

// A button that opens an action dialog: the decide, progress and measurement actions.
import { useState, type ReactElement } from 'react';
import { Button, type ButtonProps } from '@mui/material';
import { ActionDialog, type ActionDialogProps } from './ActionDialog';

interface ActionButtonProps<Values> extends ActionDialogProps<Values> {
    label: string;
    icon: ReactElement;
    buttonTestId: string;
    variant?: ButtonProps['variant'];
    size?: ButtonProps['size'];
}

export const ActionButton = <Values extends Record<string, unknown>>({
    label,
    icon,
    buttonTestId,
    variant = 'outlined',
    size,
    ...dialog
}: ActionButtonProps<Values>) => {
    const [open, setOpen] = useState(false);
    return (
        <>
            <Button variant={variant} size={size} startIcon={icon} onClick={() => setOpen(true)} data-testid={buttonTestId}>
                {label}
            </Button>
            <ActionDialog<Values> open={open} onClose={() => setOpen(false)} {...dialog} />
        </>
    );
};

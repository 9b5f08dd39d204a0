// A button that opens an action dialog: deciding, submitting, reporting progress or a measurement,
// marking the checklist, commenting, saying a unit's readiness, answering governance's records.
import { useState, type ReactElement } from 'react';
import { Button, type ButtonProps } from '@mui/material';
import { useTranslate } from 'react-admin';
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

type NamedActionButtonProps<Values> = Omit<ActionButtonProps<Values>, 'label' | 'title' | 'submitLabel' | 'success' | 'buttonTestId' | 'testId'> & {
    /** `<name>-button` and `<name>-dialog` for the browser tests. */
    name: string;
    /** Translation keys `<messages>.button`, `.title`, `.submit` and `.success`. */
    messages: string;
    /** Filled into those messages. */
    args?: Record<string, unknown>;
    buttonTestId?: string;
};

/** An action button whose words and test ids follow one convention, so each use names only what is its own. */
export const NamedActionButton = <Values extends Record<string, unknown>>({ name, messages, args, buttonTestId, ...rest }: NamedActionButtonProps<Values>) => {
    const translate = useTranslate();
    return (
        <ActionButton<Values>
            label={translate(`${messages}.button`, args)}
            title={translate(`${messages}.title`, args)}
            submitLabel={translate(`${messages}.submit`, args)}
            success={{ message: `${messages}.success`, args }}
            buttonTestId={buttonTestId ?? `${name}-button`}
            testId={`${name}-dialog`}
            {...rest}
        />
    );
};

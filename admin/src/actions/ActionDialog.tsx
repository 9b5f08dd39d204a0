// A labelled dialog around a react-admin Form, used by every initiative action.
import type { ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import { Form, RecordContextProvider, SaveButton, useTranslate } from 'react-admin';

interface ActionDialogProps<Values> {
    open: boolean;
    onClose: () => void;
    title: string;
    description?: string;
    testId: string;
    submitLabel: string;
    submitting: boolean;
    defaultValues?: Partial<Values>;
    onSubmit: (values: Values) => Promise<Record<string, unknown> | undefined>;
    children: ReactNode;
}

export const ActionDialog = <Values extends Record<string, unknown>>({
    open,
    onClose,
    title,
    description,
    testId,
    submitLabel,
    submitting,
    defaultValues,
    onSubmit,
    children,
}: ActionDialogProps<Values>) => {
    const translate = useTranslate();
    const titleId = `${testId}-title`;
    return (
        <Dialog
            open={open}
            onClose={submitting ? undefined : onClose}
            aria-labelledby={titleId}
            fullWidth
            maxWidth="sm"
            data-testid={testId}
            // Rows in lists navigate on click; clicks inside the dialog must not reach them.
            onClick={event => event.stopPropagation()}
        >
            {/* The dialog's form starts from its own defaults, not from the surrounding record. */}
            <RecordContextProvider value={undefined}>
                <Form
                    defaultValues={defaultValues as Record<string, unknown> | undefined}
                    onSubmit={(values: Record<string, unknown>) => onSubmit(values as Values)}
                    noValidate
                >
                    <DialogTitle id={titleId}>{title}</DialogTitle>
                    <DialogContent>
                        {description && <DialogContentText sx={{ mb: 2, color: 'text.primary' }}>{description}</DialogContentText>}
                        {children}
                    </DialogContent>
                    <DialogActions>
                        <Button onClick={onClose} disabled={submitting} data-testid={`${testId}-cancel`}>
                            {translate('ra.action.cancel')}
                        </Button>
                        <SaveButton
                            label={submitLabel}
                            icon={<CheckIcon />}
                            alwaysEnable={!submitting}
                            data-testid={`${testId}-submit`}
                        />
                    </DialogActions>
                </Form>
            </RecordContextProvider>
        </Dialog>
    );
};

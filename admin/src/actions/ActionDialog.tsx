// A labelled dialog around a react-admin Form that runs one initiative action: it reports success
// or the API's refusal, refreshes the page and closes when done.
import type { ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import { Form, RecordContextProvider, SaveButton, useTranslate } from 'react-admin';
import { useActionSubmit, type ActionRun, type Success } from './useActionSubmit';

export interface ActionDialogProps<Values> {
    title: string;
    description?: string;
    testId: string;
    submitLabel: string;
    defaultValues?: Partial<Values>;
    run: ActionRun<Values>;
    success: Success;
    children: ReactNode;
}

interface OpenDialogProps<Values> extends ActionDialogProps<Values> {
    open: boolean;
    onClose: () => void;
    /** After a success, besides closing (e.g. clearing a list's selection). */
    onDone?: () => void;
}

export const ActionDialog = <Values extends Record<string, unknown>>({
    open,
    onClose,
    onDone,
    title,
    description,
    testId,
    submitLabel,
    defaultValues,
    run,
    success,
    children,
}: OpenDialogProps<Values>) => {
    const translate = useTranslate();
    const { submit, submitting } = useActionSubmit(run, success, () => {
        onClose();
        onDone?.();
    });
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
                    onSubmit={(values: Record<string, unknown>) => submit(values as Values)}
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

// Shared submit logic for the action dialogs: notify, refresh, and put server field errors on the form.
import { useState } from 'react';
import { HttpError, useNotify, useRefresh } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { useConsoleDataProvider } from '../shared/useConsoleDataProvider';

interface Options {
    /** Translation key of the success notification, with its arguments. */
    successMessage: string;
    successArgs?: Record<string, unknown>;
    onDone: () => void;
}

export const useActionSubmit = <Values>(
    run: (dataProvider: ConsoleDataProvider, values: Values) => Promise<unknown>,
    { successMessage, successArgs, onDone }: Options
) => {
    const dataProvider = useConsoleDataProvider();
    const notify = useNotify();
    const refresh = useRefresh();
    const [submitting, setSubmitting] = useState(false);

    const submit = async (values: Values) => {
        setSubmitting(true);
        try {
            await run(dataProvider, values);
            notify(successMessage, { type: 'success', messageArgs: successArgs });
            refresh();
            onDone();
            return undefined;
        } catch (error) {
            const message = error instanceof Error ? error.message : 'ra.notification.http_error';
            notify(message, { type: 'error', messageArgs: { _: message } });
            const fieldErrors = error instanceof HttpError ? error.body?.errors : undefined;
            return fieldErrors && Object.keys(fieldErrors).length > 0 ? fieldErrors : undefined;
        } finally {
            setSubmitting(false);
        }
    };
    return { submit, submitting };
};

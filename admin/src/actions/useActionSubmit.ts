// Submitting an action dialog: notify, refresh, and put the API's field errors on the form.
import { useState } from 'react';
import { HttpError, useNotify, useRefresh } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { useConsoleDataProvider } from '../shared/useConsoleDataProvider';

export type ActionRun<Values> = (dataProvider: ConsoleDataProvider, values: Values) => Promise<unknown>;

/** Translation key of the success notification, with its arguments. */
export interface Success {
    message: string;
    args?: Record<string, unknown>;
}

export const useActionSubmit = <Values>(run: ActionRun<Values>, success: Success, onDone: () => void) => {
    const dataProvider = useConsoleDataProvider();
    const notify = useNotify();
    const refresh = useRefresh();
    const [submitting, setSubmitting] = useState(false);

    const submit = async (values: Values) => {
        setSubmitting(true);
        try {
            await run(dataProvider, values);
            notify(success.message, { type: 'success', messageArgs: success.args });
            refresh();
            onDone();
            return undefined;
        } catch (error) {
            // The message is already readable (providers/apiErrors.ts).
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

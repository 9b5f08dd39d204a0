// The API's refusals as messages a user can act on. Field errors of an invalid form go back to
// its inputs; a refusal about the initiative's state (a locked field, a stale link, a missing
// precondition) says what is wrong in the notification, in the user's language around the API's
// own words.
import { HttpError } from 'react-admin';
import { i18nProvider } from './i18nProvider';

interface ApiErrorBody {
    error?: { code?: string; message?: string; fields?: Record<string, string> };
}

/** Errors whose `fields` name inputs of the form that was sent. */
const isFormError = (status: number, code?: string) => status === 400 || code === 'conflict';

const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);

/** "Change agents: at least one is needed; ..." with the fields in the user's language. */
const describeMissing = (fields: Record<string, string>) =>
    Object.entries(fields)
        .map(([field, why]) => `${translate(`resources.initiatives.fields.${field}`, { _: field })}: ${why}`)
        .join('; ');

const readableMessage = (code: string | undefined, message: string, fields: Record<string, string>) => {
    switch (code) {
        case 'locked':
            return translate('app.errors.locked', { message });
        case 'stale-link':
            return translate('app.errors.stale_link', { message });
        case 'precondition-failed':
            return translate('app.errors.precondition_failed', {
                missing: Object.keys(fields).length ? describeMissing(fields) : message,
            });
        case 'checklist-incomplete':
            // The fields are the open mandatory items' texts, as the administrator wrote them.
            return translate('app.errors.checklist_incomplete', { items: Object.values(fields).join('; ') || message });
        case 'open-conditions':
            return translate('app.errors.open_conditions', { smart_count: Object.keys(fields).length || 1 });
        default:
            return message;
    }
};

/** Turns `{error: {code, message, fields}}` into the HttpError react-admin understands. */
export const toHttpError = (status: number, body: unknown, fallback: string): HttpError => {
    const apiError = (body as ApiErrorBody | undefined)?.error;
    const fields = apiError?.fields ?? {};
    const message = readableMessage(apiError?.code, apiError?.message ?? fallback, fields);
    return new HttpError(message, status, {
        code: apiError?.code,
        // What the API named, for a dialog that lists it (e.g. what a draft still lacks).
        fields,
        errors: isFormError(status, apiError?.code) ? fields : {},
    });
};

// The project manager sends a draft to governance, or resubmits a gate sent back for revision
// with a note on what changed. When the decision basis is incomplete the API answers 409 with the
// missing fields, and the dialog lists them so the project manager knows what to add.
import { useState } from 'react';
import SendIcon from '@mui/icons-material/Send';
import { HttpError, required, useRecordContext, useTranslate } from 'react-admin';
import { NamedActionButton } from './ActionButton';
import { MissingFields } from './MissingFields';
import { NoteInput } from './NoteInput';
import type { Initiative } from '../shared/types';

interface SubmitValues extends Record<string, unknown> {
    note?: string;
}

export const SubmitButton = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    const [missing, setMissing] = useState<Record<string, string> | null>(null);
    if (!record) return null;
    const resubmitting = record.status === 'active';
    const messages = resubmitting ? 'app.submit.again' : 'app.submit.first';

    return (
        <NamedActionButton<SubmitValues>
            name="submit"
            messages={messages}
            icon={<SendIcon />}
            variant="contained"
            description={translate(`${messages}.description`, { title: record.title })}
            run={async (dataProvider, values) => {
                setMissing(null);
                try {
                    return await dataProvider.act({ resource: 'initiatives', id: record.id, action: 'submit' }, { note: values.note?.trim() ?? '' });
                } catch (error) {
                    if (error instanceof HttpError && error.body?.code === 'precondition-failed') {
                        setMissing((error.body?.fields as Record<string, string>) ?? {});
                        // The list in the dialog says what; the notification only that something is missing.
                        throw new HttpError(translate('app.submit.incomplete'), error.status, { ...error.body, errors: {} });
                    }
                    throw error;
                }
            }}
        >
            {missing && Object.keys(missing).length > 0 && <MissingFields fields={missing} />}
            <NoteInput
                source="note"
                label="app.submit.note"
                helperText={resubmitting ? 'app.submit.note_required' : 'app.submit.note_help'}
                validate={resubmitting ? required() : undefined}
                testId="submit-note"
            />
        </NamedActionButton>
    );
};

// Implementation progress report (percent done and a note).
import { useState } from 'react';
import { Button } from '@mui/material';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { NumberInput, TextInput, maxValue, minValue, number, required, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog } from './ActionDialog';
import { useActionSubmit } from './useActionSubmit';
import type { Initiative } from '../shared/types';

interface ProgressValues extends Record<string, unknown> {
    percent: number;
    note: string;
}

export const ProgressButton = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const { submit, submitting } = useActionSubmit<ProgressValues>(
        (dataProvider, values) =>
            dataProvider.reportProgress(record!.id, { percent: Number(values.percent), note: values.note.trim() }),
        { successMessage: 'app.progress.success', onDone: () => setOpen(false) }
    );
    if (!record || record.status !== 'active' || record.gate !== 'implementation') return null;

    return (
        <>
            <Button variant="outlined" startIcon={<TrendingUpIcon />} onClick={() => setOpen(true)} data-testid="progress-button">
                {translate('app.progress.button')}
            </Button>
            <ActionDialog<ProgressValues>
                open={open}
                onClose={() => setOpen(false)}
                title={translate('app.progress.title')}
                description={record.title}
                testId="progress-dialog"
                submitLabel={translate('app.progress.submit')}
                submitting={submitting}
                onSubmit={submit}
            >
                <NumberInput
                    source="percent"
                    label="app.progress.percent"
                    min={0}
                    max={100}
                    step={5}
                    validate={[required(), number(), minValue(0), maxValue(100)]}
                    slotProps={{ htmlInput: { 'data-testid': 'progress-percent' } }}
                />
                <TextInput
                    source="note"
                    label="app.progress.note"
                    multiline
                    minRows={3}
                    fullWidth
                    validate={required()}
                    slotProps={{ htmlInput: { 'data-testid': 'progress-note' } }}
                />
            </ActionDialog>
        </>
    );
};

// Implementation progress report (percent done and a note).
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { NumberInput, maxValue, minValue, number, required, useRecordContext, useTranslate } from 'react-admin';
import { takesProgress } from '@domain/gates';
import { ActionButton } from './ActionButton';
import { NoteInput } from './NoteInput';
import type { Initiative } from '../shared/types';

interface ProgressValues extends Record<string, unknown> {
    percent: number;
    note: string;
}

export const ProgressButton = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    if (!record || !takesProgress(record)) return null;

    return (
        <ActionButton<ProgressValues>
            label={translate('app.progress.button')}
            icon={<TrendingUpIcon />}
            buttonTestId="progress-button"
            title={translate('app.progress.title')}
            description={record.title}
            testId="progress-dialog"
            submitLabel={translate('app.progress.submit')}
            run={(dataProvider, values) =>
                dataProvider.reportProgress(record.id, { percent: Number(values.percent), note: values.note.trim() })
            }
            success={{ message: 'app.progress.success' }}
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
            <NoteInput source="note" label="app.progress.note" validate={required()} testId="progress-note" />
        </ActionButton>
    );
};

// Report a measurement for one benefit from the initiative page.
import { useState } from 'react';
import { Button } from '@mui/material';
import AddchartIcon from '@mui/icons-material/Addchart';
import { DateInput, NumberInput, TextInput, number, required, useTranslate } from 'react-admin';
import { ActionDialog } from './ActionDialog';
import { useActionSubmit } from './useActionSubmit';
import type { Benefit } from '../shared/types';

interface MeasurementValues extends Record<string, unknown> {
    value: number;
    measuredAt: string;
    note?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

export const MeasurementButton = ({ benefit }: { benefit: Benefit }) => {
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const { submit, submitting } = useActionSubmit<MeasurementValues>(
        (dataProvider, values) =>
            dataProvider.create('measurements', {
                data: {
                    benefitId: benefit.id,
                    value: Number(values.value),
                    measuredAt: values.measuredAt,
                    note: values.note?.trim() ?? '',
                },
            }),
        { successMessage: 'app.measurement.success', onDone: () => setOpen(false) }
    );
    const unit = benefit.unit ? ` (${benefit.unit})` : '';

    return (
        <>
            <Button
                size="small"
                variant="outlined"
                startIcon={<AddchartIcon />}
                onClick={() => setOpen(true)}
                data-testid={`add-measurement-${benefit.id}`}
            >
                {translate('app.measurement.button')}
            </Button>
            <ActionDialog<MeasurementValues>
                open={open}
                onClose={() => setOpen(false)}
                title={translate('app.measurement.title', { benefit: benefit.title })}
                description={benefit.indicator}
                testId="measurement-dialog"
                submitLabel={translate('app.measurement.submit')}
                submitting={submitting}
                defaultValues={{ measuredAt: today() }}
                onSubmit={submit}
            >
                <NumberInput
                    source="value"
                    label={`${translate('resources.measurements.fields.value')}${unit}`}
                    validate={[required(), number()]}
                    slotProps={{ htmlInput: { 'data-testid': 'measurement-value' } }}
                />
                <DateInput
                    source="measuredAt"
                    label="resources.measurements.fields.measuredAt"
                    validate={required()}
                    slotProps={{ htmlInput: { 'data-testid': 'measurement-date' } }}
                />
                <TextInput
                    source="note"
                    label="resources.measurements.fields.note"
                    multiline
                    minRows={2}
                    fullWidth
                    slotProps={{ htmlInput: { 'data-testid': 'measurement-note' } }}
                />
            </ActionDialog>
        </>
    );
};

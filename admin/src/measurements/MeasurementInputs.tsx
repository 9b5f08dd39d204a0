// The inputs of one measurement, on the create page and in the measurement dialog.
import { DateInput, NumberInput, number, required, useTranslate } from 'react-admin';
import { NoteInput } from '../actions/NoteInput';

export interface MeasurementValues extends Record<string, unknown> {
    value: number;
    measuredAt: string;
    note?: string;
}

export const today = () => new Date().toISOString().slice(0, 10);

/** `unit` goes into the value's label when the benefit is known. */
export const MeasurementInputs = ({ unit }: { unit?: string }) => {
    const translate = useTranslate();
    return (
        <>
            <NumberInput
                source="value"
                label={`${translate('resources.measurements.fields.value')}${unit ? ` (${unit})` : ''}`}
                validate={[required(), number()]}
                slotProps={{ htmlInput: { 'data-testid': 'measurement-value' } }}
            />
            <DateInput
                source="measuredAt"
                label="resources.measurements.fields.measuredAt"
                validate={required()}
                slotProps={{ htmlInput: { 'data-testid': 'measurement-date' } }}
            />
            <NoteInput source="note" label="resources.measurements.fields.note" minRows={2} testId="measurement-note" />
        </>
    );
};

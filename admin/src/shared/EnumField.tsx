// Shows a coded value (gate, status, band, ...) by its translated name, never the raw code.
import { Chip, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

export const useEnumLabel = (group: string) => {
    const translate = useTranslate();
    return (value: unknown) =>
        value === undefined || value === null || value === ''
            ? ''
            : translate(`app.enums.${group}.${String(value)}`, { _: String(value) });
};

const chipColors: Record<string, ChipProps['color']> = {
    'on-track': 'success',
    watch: 'warning',
    'off-track': 'error',
    active: 'primary',
    completed: 'success',
    rejected: 'error',
    cancelled: 'default',
    approve: 'success',
    reject: 'error',
    revise: 'warning',
    hold: 'info',
    failed: 'error',
    delivered: 'success',
    retrying: 'warning',
    draft: 'info',
    // Governance records: conditions, plan changes, readiness, reviews, risk.
    open: 'warning',
    met: 'success',
    waived: 'default',
    pending: 'warning',
    accepted: 'success',
    ready: 'success',
    'not-ready': 'warning',
    decided: 'success',
    low: 'success',
    medium: 'warning',
    high: 'error',
};

interface EnumFieldProps extends FieldProps {
    group: string;
    variant?: 'chip' | 'text';
}

export const EnumField = ({ group, variant = 'text', ...props }: EnumFieldProps) => {
    const value = useFieldValue(props);
    const label = useEnumLabel(group);
    if (value === undefined || value === null || value === '') return null;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (variant === 'text') return <span>{values.map(label).join(', ')}</span>;
    return (
        <span>
            {values.map(item => (
                <Chip
                    key={String(item)}
                    size="small"
                    label={label(item)}
                    color={chipColors[String(item)] ?? 'default'}
                    sx={{ mr: 0.5 }}
                />
            ))}
        </span>
    );
};

// What a plan change would change: each field with the value the service owner accepted and the
// one proposed, in the benefit form's words and the user's number and date formats.
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useEnumLabel } from '../shared/EnumField';
import { formatDate, formatNumber } from '../shared/format';
import { useRecordById } from '../initiatives/useInitiativeRules';
import type { Benefit, PlanChange } from '../shared/types';

const DATE_FIELDS = new Set(['baselineDate', 'followUpUntil']);

export const ChangesField = () => {
    const change = useRecordContext<PlanChange>();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const benefit = useRecordById<Benefit>('benefits', change?.benefitId);
    // The coded fields of a benefit, by their translated names.
    const coded: Record<string, (value: unknown) => string> = { direction: useEnumLabel('direction'), category: useEnumLabel('category') };
    if (!change) return null;
    const show = (field: string, value: unknown) => {
        if (value === undefined || value === null || value === '') return '–';
        if (DATE_FIELDS.has(field)) return formatDate(String(value), locale);
        if (typeof value === 'number') return formatNumber(value, locale);
        return coded[field] ? coded[field](value) : String(value);
    };
    const fields = Object.entries(change.changes ?? {});
    if (change.operation === 'delete') return <Typography>{translate('app.plan_change.withdraws')}</Typography>;
    if (fields.length === 0) return <span>–</span>;
    return (
        <Table size="small" data-testid="plan-change-fields">
            <TableHead>
                <TableRow>
                    <TableCell component="th" scope="col">{translate('app.plan_change.field')}</TableCell>
                    <TableCell component="th" scope="col">{translate('app.plan_change.from')}</TableCell>
                    <TableCell component="th" scope="col">{translate('app.plan_change.to')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {fields.map(([field, value]) => (
                    <TableRow key={field}>
                        <TableCell component="th" scope="row">{translate(`resources.benefits.fields.${field}`, { _: field })}</TableCell>
                        <TableCell>{change.operation === 'create' ? '–' : show(field, (benefit as Record<string, unknown> | undefined)?.[field])}</TableCell>
                        <TableCell>{show(field, value)}</TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};

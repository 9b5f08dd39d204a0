// One gate's checklist on an initiative: each item with its state, who marked it and why, and a
// way to mark it for those who keep the checklist.
import { Alert, Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ReferenceField, useTranslate } from 'react-admin';
import { openMandatoryItems, type ChecklistEntry } from '@domain/checklists';
import type { Gate } from '@domain/types';
import { ChecklistMarkButton } from '../actions/ChecklistMarkButton';
import { useEnumLabel } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import type { ChecklistMark, ChecklistTemplate, Initiative } from '../shared/types';

const stateColor = { open: 'default', done: 'success', 'not-relevant': 'info' } as const;

interface GateChecklistProps {
    initiative: Initiative;
    gate: Gate;
    items: ChecklistTemplate['items'];
    mayMark: boolean;
}

export const GateChecklist = ({ initiative, gate, items, mayMark }: GateChecklistProps) => {
    const translate = useTranslate();
    const gateName = useEnumLabel('gate')(gate);
    const stateName = useEnumLabel('checklistState');
    const entries = (initiative.checklist ?? []).filter(entry => entry.gate === gate);
    const entryOf = (key: string): ChecklistMark => entries.find(entry => entry.key === key) ?? { gate, key, status: 'open' };
    const blocking = openMandatoryItems(items, entries as ChecklistEntry[], gate);
    const settled = items.filter(item => entryOf(item.key).status !== 'open').length;
    const headingId = `checklist-${gate}`;
    return (
        <Box component="section" aria-labelledby={headingId} data-testid={`checklist-${gate}`}>
            <Typography variant="h6" component="h3" id={headingId}>
                {translate('app.checklist.title', { gate: gateName })}
            </Typography>
            <Typography variant="body2" data-testid={`checklist-${gate}-summary`}>
                {translate('app.checklist.summary', { settled, total: items.length })}
            </Typography>
            {blocking.length > 0 && gate === initiative.gate && (
                <Alert severity="warning" sx={{ my: 1 }} data-testid="checklist-blocking">
                    {translate('app.checklist.blocking', { smart_count: blocking.length })}
                </Alert>
            )}
            <Table size="small" aria-labelledby={headingId}>
                <TableHead>
                    <TableRow>
                        <TableCell component="th" scope="col">{translate('app.checklist.item')}</TableCell>
                        <TableCell component="th" scope="col">{translate('app.checklist.status')}</TableCell>
                        <TableCell component="th" scope="col">{translate('app.checklist.comment')}</TableCell>
                        <TableCell component="th" scope="col">{translate('app.checklist.by')}</TableCell>
                        {mayMark && <TableCell component="th" scope="col">{translate('app.checklist.actions')}</TableCell>}
                    </TableRow>
                </TableHead>
                <TableBody>
                    {items.map(item => {
                        const entry = entryOf(item.key);
                        return (
                            <TableRow key={item.key} data-testid={`checklist-item-${item.key}`} data-status={entry.status}>
                                <TableCell>
                                    {item.text}{' '}
                                    {item.mandatory && <Chip size="small" variant="outlined" label={translate('app.checklist.mandatory')} />}
                                </TableCell>
                                <TableCell>
                                    <Chip size="small" color={stateColor[entry.status]} label={stateName(entry.status)} />
                                </TableCell>
                                <TableCell>{entry.comment || '–'}</TableCell>
                                <TableCell>
                                    {entry.byId ? (
                                        <>
                                            <ReferenceField record={entry} source="byId" reference="people" link={false} />
                                            {', '}
                                            <LocaleDateField record={entry} source="at" />
                                        </>
                                    ) : (
                                        '–'
                                    )}
                                </TableCell>
                                {mayMark && (
                                    <TableCell>
                                        <ChecklistMarkButton initiativeId={initiative.id} gate={gate} item={item} current={entry} />
                                    </TableCell>
                                )}
                            </TableRow>
                        );
                    })}
                </TableBody>
            </Table>
        </Box>
    );
};

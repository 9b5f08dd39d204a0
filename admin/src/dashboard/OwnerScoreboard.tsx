// Per service owner: the benefits they own by band, their value a year planned and realised, and
// the printable report they bring to the annual report.
import type { ReactNode } from 'react';
import { TableCell, TableRow } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { CaptionedTable } from './CaptionedTable';
import { DashboardSection } from './DashboardSection';
import { OwnerReportLink } from '../reports/ReportLink';
import { formatNok } from '../shared/format';
import type { OwnerReportRow } from '../shared/types';

export const OwnerScoreboard = ({ rows, loading }: { rows: OwnerReportRow[]; loading: boolean }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const columns: [string, (row: OwnerReportRow) => ReactNode][] = [
        [translate('resources.benefits.name', { smart_count: 2 }), row => row.benefits],
        [translate('app.dashboard.series.realised'), row => row.realised],
        [translate('app.enums.band.on-track'), row => row.onTrack],
        [translate('app.enums.band.watch'), row => row.watch],
        [translate('app.enums.band.off-track'), row => row.offTrack],
        [translate('app.dashboard.series.overdue'), row => row.overdue],
    ];
    const value = (key: string) => `${translate(key)} (${translate('app.goals_board.value').toLowerCase()})`;
    return (
        <DashboardSection id="owner-scoreboard" title="app.owners_board.title" wide loading={loading} emptyMessage={rows.length === 0 && 'app.dashboard.no_benefits'}>
            <CaptionedTable
                caption={translate('app.owners_board.caption')}
                columns={[
                    translate('resources.benefits.fields.ownerId'),
                    ...columns.map(([label]) => ({ label, align: 'right' as const })),
                    { label: value('app.dashboard.series.planned'), align: 'right' },
                    { label: value('app.dashboard.series.realised'), align: 'right' },
                    translate('app.owners_board.report'),
                ]}
            >
                {rows.map(row => (
                    <TableRow key={row.ownerId} data-testid={`owner-row-${row.ownerId}`}>
                        <TableCell component="th" scope="row">{row.ownerName}</TableCell>
                        {columns.map(([label, cell]) => (
                            <TableCell key={label} align="right">{cell(row)}</TableCell>
                        ))}
                        <TableCell align="right">{formatNok(row.plannedValuePerYear, locale)}</TableCell>
                        <TableCell align="right">{formatNok(row.realisedValuePerYear, locale)}</TableCell>
                        <TableCell>
                            <OwnerReportLink ownerId={row.ownerId} ownerName={row.ownerName} />
                        </TableCell>
                    </TableRow>
                ))}
            </CaptionedTable>
        </DashboardSection>
    );
};

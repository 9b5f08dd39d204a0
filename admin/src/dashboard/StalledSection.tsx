// Stalled initiatives: how long each has waited at its gate and on whom.
import { Link, TableCell, TableRow } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { RecordContextProvider, useGetList, useTranslate } from 'react-admin';
import { CaptionedTable } from './CaptionedTable';
import { DashboardSection } from './DashboardSection';
import { WaitedField, WaitingOnField } from '../shared/WaitFields';
import { useRoles } from '../shared/useRoles';
import type { Initiative } from '../shared/types';

const COLUMNS = ['resources.initiatives.fields.title', 'resources.initiatives.fields.gate', 'app.stalled.waited', 'app.stalled.waiting_on'];

export const StalledSection = ({ scope }: { scope?: Record<string, unknown> }) => {
    const translate = useTranslate();
    const { isAdmin } = useRoles();
    const { data = [], total, isPending } = useGetList<Initiative>('initiatives', {
        filter: { ...scope, stalled: true, status: 'active' },
        sort: { field: 'gateEnteredAt', order: 'ASC' },
        pagination: { page: 1, perPage: 10 },
    });
    return (
        <DashboardSection id="stalled" title="app.dashboard.stalled" loading={isPending} emptyMessage={data.length === 0 && 'app.dashboard.stalled_none'}>
            <CaptionedTable caption={translate('app.dashboard.stalled_caption', { smart_count: total ?? data.length })} columns={COLUMNS.map(label => translate(label))}>
                {data.map(initiative => (
                    <RecordContextProvider key={initiative.id} value={initiative}>
                        <TableRow data-testid={`stalled-row-${initiative.id}`}>
                            <TableCell>
                                <Link component={RouterLink} to={`/initiatives/${initiative.id}/show`}>{initiative.title}</Link>
                            </TableCell>
                            <TableCell>{translate(`app.enums.gate.${initiative.gate}`)}</TableCell>
                            <TableCell><WaitedField /></TableCell>
                            <TableCell><WaitingOnField /></TableCell>
                        </TableRow>
                    </RecordContextProvider>
                ))}
            </CaptionedTable>
            {isAdmin && (
                <Link component={RouterLink} to="/stalled" sx={{ display: 'inline-block', mt: 1 }}>
                    {translate('app.dashboard.stalled_manage')}
                </Link>
            )}
        </DashboardSection>
    );
};

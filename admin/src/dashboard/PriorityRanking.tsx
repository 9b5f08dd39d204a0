// Active initiatives in priority order (priorityScore from goal weights and contributions).
import { Link, List, ListItem, ListItemText } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { DashboardSection } from './DashboardSection';
import { formatNumber } from '../shared/format';
import type { Initiative } from '../shared/types';

export const PriorityRanking = ({ scope }: { scope?: Record<string, unknown> }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { data = [], isPending } = useGetList<Initiative>('initiatives', {
        filter: { ...scope, status: 'active' },
        sort: { field: 'priorityScore', order: 'DESC' },
        pagination: { page: 1, perPage: 10 },
    });
    const score = (initiative: Initiative) => formatNumber(initiative.priorityScore, locale, { maximumFractionDigits: 1 });
    return (
        <DashboardSection id="priority" title="app.dashboard.priority" loading={isPending} emptyMessage={data.length === 0 && 'app.dashboard.no_initiatives'}>
            <List component="ol" dense>
                {data.map((initiative, index) => (
                    <ListItem key={initiative.id} divider>
                        <ListItemText
                            primary={
                                <Link component={RouterLink} to={`/initiatives/${initiative.id}/show`}>
                                    {index + 1}. {initiative.title}
                                </Link>
                            }
                            secondary={`${translate('resources.initiatives.fields.priorityScore')}: ${score(initiative)} · ${translate(
                                `app.enums.gate.${initiative.gate}`
                            )}`}
                        />
                    </ListItem>
                ))}
            </List>
        </DashboardSection>
    );
};

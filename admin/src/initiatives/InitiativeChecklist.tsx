// The phase checklists (as in Prosjektportalen) of the gates the initiative has reached, the
// current one first: each item open, done or not relevant (with why); mandatory items block the
// gate's approval. The project manager and the gate's decider mark them.
import { Stack, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { GATES } from '@domain/types';
import { GateChecklist } from './GateChecklist';
import { useInitiativeRules } from './useInitiativeRules';
import type { ChecklistTemplate, Initiative } from '../shared/types';

export const InitiativeChecklist = () => {
    const initiative = useRecordContext<Initiative>();
    const translate = useTranslate();
    const rules = useInitiativeRules(initiative);
    const { data: templates, isPending } = useGetList<ChecklistTemplate>('checklists', {
        pagination: { page: 1, perPage: GATES.length },
        sort: { field: 'id', order: 'ASC' },
    });
    if (!initiative || isPending) return null;
    // The gates reached so far, the current one first.
    const reached = GATES.slice(0, GATES.indexOf(initiative.gate) + 1).reverse();
    const shown = reached.filter(gate => (templates?.find(template => template.id === gate)?.items.length ?? 0) > 0);
    if (shown.length === 0) return <Typography role="status">{translate('app.checklist.none')}</Typography>;
    return (
        <Stack spacing={3} data-testid="initiative-checklist">
            {shown.map(gate => (
                <GateChecklist
                    key={gate}
                    initiative={initiative}
                    gate={gate}
                    items={templates!.find(template => template.id === gate)!.items}
                    mayMark={rules.mayKeepChecklist(gate)}
                />
            ))}
        </Stack>
    );
};

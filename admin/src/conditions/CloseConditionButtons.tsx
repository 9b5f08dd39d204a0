// Close a condition of an approval: its owner says it is met; whoever may decide its gate waives
// it (domain/conditions.ts). Each with a note the decider of the next gate reads.
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import DoNotDisturbIcon from '@mui/icons-material/DoNotDisturbOn';
import { useRecordContext } from 'react-admin';
import { RecordChoiceButtons } from '../actions/RecordActionButton';
import { useInitiativeRules, useRecordById } from '../initiatives/useInitiativeRules';
import type { Condition, Initiative } from '../shared/types';

const CLOSINGS = [{ value: 'met', icon: <TaskAltIcon />, noteRequired: true }, { value: 'waived', icon: <DoNotDisturbIcon />, noteRequired: true }] as const;
const CLOSING = { field: 'status', noteField: 'note', messages: 'app.condition' } as const;

export const CloseConditionButtons = () => {
    const condition = useRecordContext<Condition>();
    const initiative = useRecordById<Initiative>('initiatives', condition?.initiativeId);
    const rules = useInitiativeRules(initiative);
    if (!condition || !initiative) return null;
    const allowed = CLOSINGS.filter(closing => rules.mayClose(condition, closing.value));
    if (allowed.length === 0) return null;
    const target = { resource: 'conditions', id: condition.id, action: 'close' } as const;
    return <RecordChoiceButtons {...CLOSING} target={target} choices={[...allowed]} description={condition.text} />;
};

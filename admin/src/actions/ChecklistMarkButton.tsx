// Mark one checklist item: done, not relevant (saying why), or open again.
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { RadioButtonGroupInput, required } from 'react-admin';
import type { ChecklistState, Gate } from '@domain/types';
import { NamedActionButton } from './ActionButton';
import { NoteInput } from './NoteInput';
import { checklistStateChoices } from '../shared/choices';

interface MarkValues extends Record<string, unknown> {
    status: ChecklistState;
    comment?: string;
}

const reasonWhenNotRelevant = (value: unknown, values: Record<string, unknown>) =>
    values.status === 'not-relevant' && !String(value ?? '').trim() ? 'app.checklist.comment_required' : undefined;

interface ChecklistMarkButtonProps {
    initiativeId: string;
    gate: Gate;
    item: { key: string; text: string };
    current: { status: ChecklistState; comment?: string | null };
}

export const ChecklistMarkButton = ({ initiativeId, gate, item, current }: ChecklistMarkButtonProps) => (
    <NamedActionButton<MarkValues>
        name="checklist"
        messages="app.checklist.mark"
        icon={<FactCheckIcon />}
        size="small"
        buttonTestId={`checklist-mark-${item.key}`}
        description={item.text}
        defaultValues={{ status: current.status === 'open' ? 'done' : current.status, comment: current.comment ?? '' }}
        run={(dataProvider, values) =>
            dataProvider.act(
                { resource: 'initiatives', id: initiativeId, action: 'checklist' },
                { gate, key: item.key, status: values.status, comment: values.comment?.trim() ?? '' }
            )
        }
    >
        <RadioButtonGroupInput source="status" label="app.checklist.status" choices={checklistStateChoices} validate={required()} row={false} />
        <NoteInput source="comment" label="app.checklist.comment" validate={reasonWhenNotRelevant} minRows={2} testId="checklist-comment" />
    </NamedActionButton>
);

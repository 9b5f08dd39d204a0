// The parent goal: any goal but this one and those below it (the API refuses a loop too; the
// choices say so before saving). Rule from domain/goals.ts.
import { AutocompleteInput, useGetList, useRecordContext } from 'react-admin';
import { subtreeIds } from '@domain/goals';

interface GoalChoice {
    id: string;
    code: string;
    title: string;
    parentId?: string | null;
}

export const ParentGoalInput = () => {
    const record = useRecordContext<GoalChoice>();
    const { data = [], isPending } = useGetList<GoalChoice>('goals', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } });
    const below = record?.id ? subtreeIds(data, String(record.id)) : new Set<string>();
    const choices = data.filter(goal => !below.has(goal.id));
    return (
        <AutocompleteInput
            source="parentId"
            choices={choices}
            optionText={(goal: GoalChoice) => `${goal.code} – ${goal.title}`}
            isPending={isPending}
            helperText="resources.goals.help.parentId"
            sx={{ minWidth: 320 }}
            parse={value => value || null}
        />
    );
};

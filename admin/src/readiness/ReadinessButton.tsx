// A change agent (or the project manager) says whether their unit is ready for the new way of
// working; the service owner sees the answers when confirming go-live.
import FlagIcon from '@mui/icons-material/OutlinedFlag';
import { RadioButtonGroupInput, TextInput, required, useGetOne, useTranslate } from 'react-admin';
import { NamedActionButton } from '../actions/ActionButton';
import { NoteInput } from '../actions/NoteInput';
import { readinessChoices } from '../shared/choices';
import { useRoles } from '../shared/useRoles';
import type { Initiative, Person } from '../shared/types';

interface ReadinessValues extends Record<string, unknown> {
    unit: string;
    status: 'ready' | 'not-ready';
    note?: string;
}

export const ReadinessButton = ({ initiative }: { initiative: Initiative }) => {
    const translate = useTranslate();
    const { userId } = useRoles();
    // People see their own record whole: the unit they most likely answer for.
    const { data: me } = useGetOne<Person>('people', { id: userId ?? '' }, { enabled: Boolean(userId) });
    return (
        <NamedActionButton<ReadinessValues>
            name="readiness"
            messages="app.readiness"
            icon={<FlagIcon />}
            description={translate('app.readiness.help', { title: initiative.title })}
            defaultValues={{ unit: me?.unit ?? '', status: 'ready' }}
            run={(dataProvider, values) =>
                dataProvider.create('readiness', {
                    data: { initiativeId: initiative.id, unit: values.unit.trim(), status: values.status, note: values.note?.trim() ?? '' },
                })
            }
        >
            <TextInput source="unit" label="resources.readiness.fields.unit" validate={required()} fullWidth />
            <RadioButtonGroupInput source="status" label="resources.readiness.fields.status" choices={readinessChoices} validate={required()} />
            <NoteInput source="note" label="resources.readiness.fields.note" minRows={2} testId="readiness-note" />
        </NamedActionButton>
    );
};

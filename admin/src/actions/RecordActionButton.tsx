// An action on a record in a list row or a card (close a condition, answer a plan change, decide
// a review, record a harvest): a dialog with a note, sent to the record's action route. Clicks
// stay in the button, so a row that opens its record on click does not open it too.
import type { ReactElement, ReactNode } from 'react';
import { Box } from '@mui/material';
import { required, type Validator } from 'react-admin';
import { NamedActionButton } from './ActionButton';
import { NoteInput } from './NoteInput';
import type { ActionTarget } from '../providers/dataProvider';

interface RecordActionButtonProps {
    target: ActionTarget;
    /** Sent with the note: the choice the button stands for (`{status: 'met'}`, `{decision: 'approve'}`). */
    body?: Record<string, unknown>;
    /** The note's name in the action's body. */
    noteField: 'note' | 'comment';
    /** `true` for a required note, or a validator of its own (required for some choices only). */
    noteRequired?: boolean | Validator;
    /** Translation keys `<messages>.button`, `.title`, `.submit`, `.success` and `.note` (the note's label). */
    messages: string;
    args?: Record<string, unknown>;
    description?: string;
    icon: ReactElement;
    /** The button is `<name>-button` and its dialog `<name>-dialog` in tests. */
    name: string;
    children?: ReactNode;
    /** Turns the dialog's values into the body (defaults to the note alone). */
    toBody?: (values: Record<string, unknown>) => Record<string, unknown>;
    defaultValues?: Record<string, unknown>;
}

export const RecordActionButton = ({ target, body = {}, noteField, noteRequired, messages, children, toBody, name, ...dialog }: RecordActionButtonProps) => (
    <Box component="span" onClick={event => event.stopPropagation()} sx={{ display: 'inline-block' }}>
        <NamedActionButton<Record<string, unknown>>
            name={name}
            messages={messages}
            size="small"
            run={(dataProvider, values) =>
                dataProvider.act(target, { ...body, ...(toBody ? toBody(values) : {}), [noteField]: String(values[noteField] ?? '').trim() })
            }
            {...dialog}
        >
            {children}
            <NoteInput
                source={noteField}
                label={`${messages}.note`}
                validate={noteRequired === true ? required() : noteRequired || undefined}
                minRows={2}
                testId={`${name}-note`}
            />
        </NamedActionButton>
    </Box>
);

interface Choice {
    value: string;
    icon: ReactElement;
    noteRequired?: boolean;
}

interface RecordChoiceButtonsProps {
    target: ActionTarget;
    /** The body field each button sets to its choice (`status`, `decision`). */
    field: string;
    choices: Choice[];
    noteField: 'note' | 'comment';
    /** `<messages>.<choice>` holds each button's words. */
    messages: string;
    description?: string;
}

/**
 * One button per way of answering a record (met or waived, accept or reject), each with its note;
 * in tests `<resource>-<id>-<choice>-button`.
 */
export const RecordChoiceButtons = ({ field, choices, messages, target, ...rest }: RecordChoiceButtonsProps) => (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {choices.map(choice => (
            <RecordActionButton
                key={choice.value}
                target={target}
                body={{ [field]: choice.value }}
                messages={`${messages}.${choice.value}`}
                name={`${target.resource}-${target.id}-${choice.value}`}
                icon={choice.icon}
                noteRequired={choice.noteRequired}
                {...rest}
            />
        ))}
    </Box>
);

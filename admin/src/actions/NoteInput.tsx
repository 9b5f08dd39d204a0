// The free-text field of the action dialogs (comment, note, reason, conditions).
import { TextInput, type TextInputProps } from 'react-admin';

interface NoteInputProps extends Omit<TextInputProps, 'multiline'> {
    /** `data-testid` of the textarea, for the browser tests. */
    testId: string;
}

export const NoteInput = ({ testId, minRows = 3, ...props }: NoteInputProps) => (
    <TextInput {...props} multiline minRows={minRows} fullWidth slotProps={{ htmlInput: { 'data-testid': testId } }} />
);

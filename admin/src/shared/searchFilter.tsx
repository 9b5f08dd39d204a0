// Full-text filter (`q`) with a visible label, unlike SearchInput's placeholder-only field.
import { TextInput } from 'react-admin';

export const searchFilter = (hint?: string) => (
    <TextInput
        key="q"
        source="q"
        label="ra.action.search"
        helperText={hint ?? false}
        alwaysOn
        resettable
        type="search"
        slotProps={{ htmlInput: { 'data-testid': 'list-search' } }}
    />
);

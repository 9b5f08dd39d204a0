// An input the rules do not let the user change now: disabled, with a helper text saying why.
import type { EditRefusal } from '@domain/edits';

/** `why`: translation key explaining a `locked` refusal; a closed initiative has its own. */
export const lockProps = (refusal: EditRefusal | null, why: string) =>
    refusal ? { disabled: true, helperText: refusal.reason === 'not-active' ? 'app.locked.closed' : why } : {};

/** A field fixed when the record was created (domain/edits.ts), on an existing record. */
export const fixedProps = (fixed: readonly string[], field: string, existing: boolean) =>
    existing && fixed.includes(field) ? { disabled: true, helperText: 'app.locked.fixed' } : {};

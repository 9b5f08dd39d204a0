// Reason dialog for nudge / reassign / skip / cancel, on one initiative or several.
import { AutocompleteInput, ReferenceInput, TextInput, required, useTranslate } from 'react-admin';
import { ActionDialog } from './ActionDialog';
import { useActionSubmit } from './useActionSubmit';
import type { AdminAction } from '../shared/types';

interface AdminValues extends Record<string, unknown> {
    reason: string;
    personId?: string;
}

interface AdminActionDialogProps {
    action: AdminAction | null;
    ids: string[];
    onClose: () => void;
    onDone?: () => void;
}

/** Runs the action on each id in turn; reports how many failed instead of stopping at the first. */
const runOnAll = async (
    ids: string[],
    act: (id: string) => Promise<unknown>
) => {
    const failures: unknown[] = [];
    for (const id of ids) {
        try {
            await act(id);
        } catch (error) {
            failures.push(error);
        }
    }
    if (failures.length === ids.length) throw failures[0];
    if (failures.length) throw new Error(`${failures.length}/${ids.length}: ${(failures[0] as Error).message}`);
};

export const AdminActionDialog = ({ action, ids, onClose, onDone }: AdminActionDialogProps) => {
    const translate = useTranslate();
    const { submit, submitting } = useActionSubmit<AdminValues>(
        (dataProvider, values) =>
            runOnAll(ids, id =>
                dataProvider.adminAction(id, {
                    action: action!,
                    reason: values.reason.trim(),
                    ...(action === 'reassign' ? { personId: values.personId } : {}),
                })
            ),
        {
            successMessage: translate('app.admin_action.success', {
                action: translate(`app.enums.adminAction.${action}`),
                smart_count: ids.length,
            }),
            onDone: () => {
                onClose();
                onDone?.();
            },
        }
    );
    if (!action) return null;

    return (
        <ActionDialog<AdminValues>
            open
            onClose={onClose}
            title={translate('app.admin_action.title', {
                action: translate(`app.enums.adminAction.${action}`),
                smart_count: ids.length,
            })}
            description={translate(`app.admin_action.explain.${action}`)}
            testId="admin-action-dialog"
            submitLabel={translate(`app.enums.adminAction.${action}`)}
            submitting={submitting}
            onSubmit={submit}
        >
            {action === 'reassign' && (
                <ReferenceInput source="personId" reference="people" sort={{ field: 'name', order: 'ASC' }}>
                    <AutocompleteInput
                        label="app.admin_action.person"
                        validate={required()}
                        fullWidth
                    />
                </ReferenceInput>
            )}
            <TextInput
                source="reason"
                label="app.admin_action.reason"
                helperText="app.admin_action.reason_help"
                multiline
                minRows={3}
                fullWidth
                validate={required()}
                slotProps={{ htmlInput: { 'data-testid': 'admin-action-reason' } }}
            />
        </ActionDialog>
    );
};

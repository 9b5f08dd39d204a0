// Reason dialog for nudge / reassign / skip / cancel, on one initiative or several.
import { AutocompleteInput, ReferenceInput, minLength, required, useRefresh, useTranslate } from 'react-admin';
import type { AdminAction } from '@domain/types';
import { ActionDialog } from './ActionDialog';
import { NoteInput } from './NoteInput';
import type { ConsoleDataProvider } from '../providers/dataProvider';

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

/** Runs the action on each id in turn and collects failures instead of stopping at the first. */
const runOnAll = async (ids: string[], act: (id: string) => Promise<unknown>) => {
    const failures: Error[] = [];
    for (const id of ids) {
        try {
            await act(id);
        } catch (error) {
            failures.push(error as Error);
        }
    }
    return failures;
};

export const AdminActionDialog = ({ action, ids, onClose, onDone }: AdminActionDialogProps) => {
    const translate = useTranslate();
    const refresh = useRefresh();
    if (!action) return null;
    const actionName = translate(`app.enums.adminAction.${action}`);

    const run = async (dataProvider: ConsoleDataProvider, values: AdminValues) => {
        const failures = await runOnAll(ids, id =>
            dataProvider.adminAction(id, {
                action,
                reason: values.reason.trim(),
                ...(action === 'reassign' ? { personId: values.personId } : {}),
            })
        );
        if (failures.length === ids.length) throw failures[0];
        if (failures.length > 0) {
            // Some went through: refresh so the list shows that, and report the failures.
            refresh();
            throw new Error(
                translate('app.admin_action.partial', { failed: failures.length, total: ids.length, message: failures[0].message })
            );
        }
    };

    return (
        <ActionDialog<AdminValues>
            open
            onClose={onClose}
            onDone={onDone}
            title={translate('app.admin_action.title', { action: actionName, smart_count: ids.length })}
            description={translate(`app.admin_action.explain.${action}`)}
            testId="admin-action-dialog"
            submitLabel={actionName}
            run={run}
            success={{ message: 'app.admin_action.success', args: { action: actionName, smart_count: ids.length } }}
        >
            {action === 'reassign' && (
                <ReferenceInput source="personId" reference="people" sort={{ field: 'name', order: 'ASC' }}>
                    <AutocompleteInput label="app.admin_action.person" validate={required()} fullWidth />
                </ReferenceInput>
            )}
            <NoteInput
                source="reason"
                label="app.admin_action.reason"
                helperText="app.admin_action.reason_help"
                validate={[required(), minLength(3)]}
                testId="admin-action-reason"
            />
        </ActionDialog>
    );
};

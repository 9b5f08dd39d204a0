// Decide the current gate: approve (optionally with conditions), reject or send back for revision.
import { useState } from 'react';
import { Button } from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import { FormDataConsumer, RadioButtonGroupInput, TextInput, required, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog } from './ActionDialog';
import { useActionSubmit } from './useActionSubmit';
import { useEnumLabel } from '../shared/EnumField';
import { decisionChoices } from '../shared/choices';
import type { Decision, Initiative } from '../shared/types';

interface DecideValues extends Record<string, unknown> {
    decision: Decision;
    comment?: string;
    conditions?: string;
}

const commentRequiredUnlessApproved = (value: unknown, values: Record<string, unknown>) =>
    values.decision !== 'approve' && !String(value ?? '').trim() ? 'app.decide.comment_required' : undefined;

const toConditions = (text?: string) =>
    (text ?? '').split('\n').map(line => line.trim()).filter(Boolean);

export const DecideButton = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    const gateLabel = useEnumLabel('gate');
    const [open, setOpen] = useState(false);
    const { submit, submitting } = useActionSubmit<DecideValues>(
        (dataProvider, values) => {
            const conditions = values.decision === 'approve' ? toConditions(values.conditions) : [];
            return dataProvider.decide(record!.id, {
                gate: record!.gate,
                decision: values.decision,
                comment: values.comment?.trim() ?? '',
                ...(conditions.length ? { conditions } : {}),
            });
        },
        { successMessage: 'app.decide.success', onDone: () => setOpen(false) }
    );
    if (!record || record.status !== 'active') return null;

    return (
        <>
            <Button variant="contained" startIcon={<GavelIcon />} onClick={() => setOpen(true)} data-testid="decide-button">
                {translate('app.decide.button')}
            </Button>
            <ActionDialog<DecideValues>
                open={open}
                onClose={() => setOpen(false)}
                title={translate('app.decide.title', { gate: gateLabel(record.gate) })}
                description={translate('app.decide.description', { title: record.title })}
                testId="decide-dialog"
                submitLabel={translate('app.decide.submit')}
                submitting={submitting}
                defaultValues={{ decision: 'approve' }}
                onSubmit={submit}
            >
                <RadioButtonGroupInput
                    source="decision"
                    label="resources.decisions.fields.decision"
                    choices={decisionChoices}
                    validate={required()}
                    row={false}
                />
                <TextInput
                    source="comment"
                    label="resources.decisions.fields.comment"
                    multiline
                    minRows={3}
                    fullWidth
                    validate={commentRequiredUnlessApproved}
                    slotProps={{ htmlInput: { 'data-testid': 'decide-comment' } }}
                />
                <FormDataConsumer<DecideValues>>
                    {({ formData }) =>
                        formData.decision === 'approve' && (
                            <TextInput
                                source="conditions"
                                label="resources.decisions.fields.conditions"
                                helperText="app.decide.conditions_help"
                                multiline
                                minRows={2}
                                fullWidth
                                slotProps={{ htmlInput: { 'data-testid': 'decide-conditions' } }}
                            />
                        )
                    }
                </FormDataConsumer>
            </ActionDialog>
        </>
    );
};

// Decide the current gate: approve (optionally with conditions), reject or send back for revision.
import GavelIcon from '@mui/icons-material/Gavel';
import { FormDataConsumer, RadioButtonGroupInput, required, useRecordContext, useTranslate } from 'react-admin';
import { awaitsDecision } from '@domain/gates';
import type { DecisionKind } from '@domain/types';
import { ActionButton } from './ActionButton';
import { NoteInput } from './NoteInput';
import { useEnumLabel } from '../shared/EnumField';
import { decisionChoices } from '../shared/choices';
import type { Initiative } from '../shared/types';

interface DecideValues extends Record<string, unknown> {
    decision: DecisionKind;
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
    if (!record || !awaitsDecision(record)) return null;

    return (
        <ActionButton<DecideValues>
            label={translate('app.decide.button')}
            icon={<GavelIcon />}
            variant="contained"
            buttonTestId="decide-button"
            title={translate('app.decide.title', { gate: gateLabel(record.gate) })}
            description={translate('app.decide.description', { title: record.title })}
            testId="decide-dialog"
            submitLabel={translate('app.decide.submit')}
            defaultValues={{ decision: 'approve' }}
            run={(dataProvider, values) => {
                const conditions = values.decision === 'approve' ? toConditions(values.conditions) : [];
                return dataProvider.decide(record.id, {
                    gate: record.gate,
                    decision: values.decision,
                    comment: values.comment?.trim() ?? '',
                    ...(conditions.length ? { conditions } : {}),
                });
            }}
            success={{ message: 'app.decide.success' }}
        >
            <RadioButtonGroupInput
                source="decision"
                label="resources.decisions.fields.decision"
                choices={decisionChoices}
                validate={required()}
                row={false}
            />
            <NoteInput source="comment" label="resources.decisions.fields.comment" validate={commentRequiredUnlessApproved} testId="decide-comment" />
            <FormDataConsumer<DecideValues>>
                {({ formData }) =>
                    formData.decision === 'approve' && (
                        <NoteInput
                            source="conditions"
                            label="resources.decisions.fields.conditions"
                            helperText="app.decide.conditions_help"
                            minRows={2}
                            testId="decide-conditions"
                        />
                    )
                }
            </FormDataConsumer>
        </ActionButton>
    );
};

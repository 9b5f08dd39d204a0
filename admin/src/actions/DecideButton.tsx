// Decide the current gate: approve (with conditions, one per line, optionally with an owner and a
// due date), send back for revision, put on hold until a date, or reject.
import GavelIcon from '@mui/icons-material/Gavel';
import { DateInput, FormDataConsumer, RadioButtonGroupInput, required, useRecordContext, useTranslate } from 'react-admin';
import { awaitsDecision } from '@domain/gates';
import type { ConditionInput } from '@domain/conditions';
import type { DecisionKind } from '@domain/types';
import { ActionButton } from './ActionButton';
import { NoteInput } from './NoteInput';
import { useEnumLabel } from '../shared/EnumField';
import { decisionChoices } from '../shared/choices';
import { PersonInput } from '../people/PersonInput';
import { today } from '../measurements/MeasurementInputs';
import type { Initiative } from '../shared/types';

interface DecideValues extends Record<string, unknown> {
    decision: DecisionKind;
    comment?: string;
    conditions?: string;
    conditionsOwnerId?: string | null;
    conditionsDueAt?: string | null;
    until?: string;
}

const commentRequiredUnlessApproved = (value: unknown, values: Record<string, unknown>) =>
    values.decision !== 'approve' && !String(value ?? '').trim() ? 'app.decide.comment_required' : undefined;

const inTheFuture = (value: unknown) => (value && String(value) <= today() ? 'app.decide.until_future' : undefined);

/** One condition per line; an owner and a due date, when given, apply to each. */
const toConditions = (values: DecideValues): (string | ConditionInput)[] =>
    (values.conditions ?? '')
        .split('\n')
        .map(line => line.trim())
        .filter(Boolean)
        .map(text =>
            values.conditionsOwnerId || values.conditionsDueAt
                ? { text, ...(values.conditionsOwnerId ? { ownerId: values.conditionsOwnerId } : {}), ...(values.conditionsDueAt ? { dueAt: values.conditionsDueAt } : {}) }
                : text
        );

const ConditionInputs = () => (
    <>
        <NoteInput
            source="conditions"
            label="resources.decisions.fields.conditions"
            helperText="app.decide.conditions_help"
            minRows={2}
            testId="decide-conditions"
        />
        <PersonInput source="conditionsOwnerId" label="app.decide.conditions_owner" helperText="app.decide.conditions_owner_help" />
        <DateInput source="conditionsDueAt" label="app.decide.conditions_due" helperText="app.decide.conditions_due_help" />
    </>
);

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
                const conditions = values.decision === 'approve' ? toConditions(values) : [];
                return dataProvider.decide(record.id, {
                    gate: record.gate,
                    decision: values.decision,
                    comment: values.comment?.trim() ?? '',
                    ...(conditions.length ? { conditions } : {}),
                    ...(values.decision === 'hold' ? { until: values.until } : {}),
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
                    formData.decision === 'approve' ? (
                        <ConditionInputs />
                    ) : formData.decision === 'hold' ? (
                        <DateInput
                            source="until"
                            label="app.decide.until"
                            helperText="app.decide.until_help"
                            validate={[required(), inTheFuture]}
                            slotProps={{ htmlInput: { 'data-testid': 'decide-until', min: today() } }}
                        />
                    ) : null
                }
            </FormDataConsumer>
        </ActionButton>
    );
};

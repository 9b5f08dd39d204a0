// Governance decides a benefit review after closure: continue follow-up, adjust one benefit's
// target (a plan change the service owner accepts), or close — realised, or abandoned with why.
import GavelIcon from '@mui/icons-material/Gavel';
import { FormDataConsumer, NumberInput, RadioButtonGroupInput, SelectInput, required, useRecordContext } from 'react-admin';
import { RecordActionButton } from '../actions/RecordActionButton';
import { reviewDecisionChoices } from '../shared/choices';
import { useInitiativeRecords } from '../shared/useInitiativeRecords';
import { useInitiativeRules, useRecordById } from '../initiatives/useInitiativeRules';
import type { Benefit, Initiative, Review } from '../shared/types';

const reasonWhenAbandoned = (value: unknown, values: Record<string, unknown>) =>
    values.decision === 'close-abandoned' && !String(value ?? '').trim() ? 'app.review.note_required' : undefined;

const toBody = (values: Record<string, unknown>) => ({
    decision: values.decision,
    ...(values.decision === 'adjust' ? { benefitId: values.benefitId, target: Number(values.target) } : {}),
});

export const ReviewDecideButton = () => {
    const review = useRecordContext<Review>();
    const initiative = useRecordById<Initiative>('initiatives', review?.initiativeId);
    const { mayDecideReview } = useInitiativeRules(initiative);
    const { data: benefits = [] } = useInitiativeRecords<Benefit>('benefits', mayDecideReview ? review?.initiativeId : undefined, { field: 'title', order: 'ASC' });
    if (!review || review.status !== 'open' || !mayDecideReview) return null;
    return (
        <RecordActionButton
            target={{ resource: 'reviews', id: review.id, action: 'decide' }}
            noteField="note"
            noteRequired={reasonWhenAbandoned}
            messages="app.review.decide"
            description={initiative?.title}
            icon={<GavelIcon />}
            name={`review-${review.id}`}
            toBody={toBody}
            defaultValues={{ decision: 'continue' }}
        >
            <RadioButtonGroupInput source="decision" label="app.review.decision" choices={reviewDecisionChoices} validate={required()} row={false} />
            <FormDataConsumer>
                {({ formData }) =>
                    formData.decision === 'adjust' && (
                        <>
                            <SelectInput
                                source="benefitId"
                                label="app.review.benefit"
                                choices={benefits.filter(benefit => !benefit.withdrawn)}
                                optionText="title"
                                validate={required()}
                            />
                            <NumberInput source="target" label="app.review.target" validate={required()} />
                        </>
                    )
                }
            </FormDataConsumer>
        </RecordActionButton>
    );
};

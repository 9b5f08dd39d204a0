// The service owner accepts or rejects a change to the benefit plan they accepted at sign-off;
// until they accept, the accepted version stands.
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { useRecordContext } from 'react-admin';
import { RecordChoiceButtons } from '../actions/RecordActionButton';
import { useInitiativeRules, useRecordById } from '../initiatives/useInitiativeRules';
import type { Initiative, PlanChange } from '../shared/types';

const ANSWERS = [{ value: 'approve', icon: <CheckIcon /> }, { value: 'reject', icon: <CloseIcon />, noteRequired: true }];
const ANSWERING = { field: 'decision', noteField: 'comment', messages: 'app.plan_change' } as const;

export const AnswerPlanChangeButtons = () => {
    const change = useRecordContext<PlanChange>();
    const initiative = useRecordById<Initiative>('initiatives', change?.initiativeId);
    const { mayAnswerPlanChange } = useInitiativeRules(initiative);
    if (!change || change.status !== 'pending' || !mayAnswerPlanChange) return null;
    const target = { resource: 'plan-changes', id: change.id, action: 'decide' } as const;
    return <RecordChoiceButtons {...ANSWERING} target={target} choices={ANSWERS} description={change.reason} />;
};

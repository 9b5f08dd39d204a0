// Choice lists for SelectInput/SelectField: the ids are domain/'s enumerations, the names
// translation keys under `app.enums.<group>`.
import { ESCALATION_LEVELS } from '@domain/escalation';
import {
    ADMIN_ACTIONS,
    BANDS,
    BENEFIT_CATEGORIES,
    CALENDARS,
    CHANNELS,
    CHECKLIST_STATES,
    CONDITION_STATES,
    CONTRIBUTIONS,
    DECISIONS,
    DIRECTIONS,
    DPIA_STATES,
    EMAIL_KINDS,
    EMAIL_STATUSES,
    GATES,
    GATE_STEPS,
    HARVEST_KINDS,
    KINDS,
    LOCALES,
    PLAN_CHANGE_STATES,
    READINESS_STATES,
    REVIEW_DECISIONS,
    REVIEW_STATES,
    RISK_LEVELS,
    ROLES,
    STATUSES,
} from '@domain/types';

const choicesOf = (group: string, ids: readonly (string | number)[]) =>
    ids.map(id => ({ id, name: `app.enums.${group}.${id}` }));

export const gateChoices = choicesOf('gate', GATES);
export const roleChoices = choicesOf('role', ROLES);
export const statusChoices = choicesOf('status', STATUSES);
export const kindChoices = choicesOf('kind', KINDS);
export const bandChoices = choicesOf('band', BANDS);
export const categoryChoices = choicesOf('category', BENEFIT_CATEGORIES);
export const directionChoices = choicesOf('direction', DIRECTIONS);
export const decisionChoices = choicesOf('decision', DECISIONS);
export const channelChoices = choicesOf('channel', CHANNELS);
export const calendarChoices = choicesOf('calendar', CALENDARS);
export const localeChoices = choicesOf('locale', LOCALES);
export const contributionChoices = choicesOf('contribution', CONTRIBUTIONS);
export const escalationChoices = choicesOf('escalation', ESCALATION_LEVELS);
export const adminActionChoices = choicesOf('adminAction', ADMIN_ACTIONS);
export const emailKindChoices = choicesOf('emailKind', EMAIL_KINDS);
export const emailStatusChoices = choicesOf('emailStatus', EMAIL_STATUSES);
export const stepChoices = choicesOf('step', GATE_STEPS);
export const riskChoices = choicesOf('risk', RISK_LEVELS);
export const dpiaChoices = choicesOf('dpia', DPIA_STATES);
export const checklistStateChoices = choicesOf('checklistState', CHECKLIST_STATES);
export const conditionStateChoices = choicesOf('conditionState', CONDITION_STATES);
export const planChangeStateChoices = choicesOf('planChangeState', PLAN_CHANGE_STATES);
export const readinessChoices = choicesOf('readiness', READINESS_STATES);
export const reviewStateChoices = choicesOf('reviewState', REVIEW_STATES);
export const reviewDecisionChoices = choicesOf('reviewDecision', REVIEW_DECISIONS);
export const harvestChoices = choicesOf('harvest', HARVEST_KINDS);

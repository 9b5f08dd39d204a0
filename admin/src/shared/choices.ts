// Choice lists for SelectInput/SelectField; names are translation keys under `app.enums`.
import { ADMIN_ACTIONS, GATES, ROLES } from './types';

const choicesOf = (group: string, ids: readonly (string | number)[]) =>
    ids.map(id => ({ id, name: `app.enums.${group}.${id}` }));

export const gateChoices = choicesOf('gate', GATES);
export const roleChoices = choicesOf('role', ROLES);
export const statusChoices = choicesOf('status', ['active', 'completed', 'rejected', 'cancelled']);
export const kindChoices = choicesOf('kind', ['project', 'line']);
export const bandChoices = choicesOf('band', ['on-track', 'watch', 'off-track']);
export const categoryChoices = choicesOf('category', ['efficiency', 'quality', 'other-actors']);
export const directionChoices = choicesOf('direction', ['increase', 'decrease']);
export const decisionChoices = choicesOf('decision', ['approve', 'reject', 'revise']);
export const channelChoices = choicesOf('channel', ['email', 'console', 'api']);
export const calendarChoices = choicesOf('calendar', ['working-days', 'elapsed']);
export const localeChoices = choicesOf('locale', ['nb', 'en']);
export const contributionChoices = choicesOf('contribution', [1, 2, 3]);
export const escalationChoices = choicesOf('escalation', [0, 1, 2, 3]);
export const adminActionChoices = choicesOf('adminAction', ADMIN_ACTIONS);
export const emailKindChoices = choicesOf('emailKind', [
    'approval-request',
    'reminder',
    'escalation',
    'confirmation-request',
    'measurement-request',
    'notification',
]);
export const emailStatusChoices = choicesOf('emailStatus', ['pending', 'sent', 'failed']);

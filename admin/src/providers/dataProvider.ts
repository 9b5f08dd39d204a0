// Simple-REST data provider over the session API, plus the actions on initiatives and on the
// records governance leaves behind (conditions, plan changes, reviews, harvests), and reports.
import simpleRestProvider from 'ra-data-simple-rest';
import type { CreateParams, DataProvider, DeleteParams, RaRecord, UpdateParams } from 'react-admin';
import { apiUrl, callApi, httpClient } from './httpClient';
import { BENEFIT_PLAN_RECORD, BENEFIT_READ_MODEL, INITIATIVE_READ_MODEL, SERVER_FIELDS } from '@domain/read-model';
import type { ConditionInput } from '@domain/conditions';
import type { AdminAction, DecisionKind, Gate } from '@domain/types';
import type { GoalReportRow, Initiative, Meta, OwnerReportRow } from '../shared/types';

/** Fields users never write (domain/read-model.ts, plus what a measurement's reporter is). */
const readOnlyFields: Record<string, readonly string[]> = {
    initiatives: INITIATIVE_READ_MODEL,
    benefits: [...BENEFIT_READ_MODEL, ...BENEFIT_PLAN_RECORD, 'pendingPlanChangeId'],
    measurements: ['reportedById', 'channel', 'initiativeId', 'requestKey'],
    people: ['localLogin', 'clearPassword'],
};

const writableData = (resource: string, data: Partial<RaRecord>) => {
    const omitted = new Set<string>([...SERVER_FIELDS, ...(readOnlyFields[resource] ?? [])]);
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
        if (omitted.has(key)) continue;
        // An empty password field on the person form means "keep the current one".
        if (resource === 'people' && key === 'password' && !value) continue;
        result[key] = value;
    }
    // "Remove the password" on the person form: null clears it, and the person can no longer log in.
    if (resource === 'people' && data.clearPassword) result.password = null;
    return result;
};

export interface DecisionInput {
    gate: Gate;
    decision: DecisionKind;
    comment: string;
    conditions?: (string | ConditionInput)[];
    /** A hold's end (YYYY-MM-DD). */
    until?: string;
}

export interface AdminActionInput {
    action: AdminAction;
    reason: string;
    personId?: string;
}

/** An action route beside the REST resources: POST /api/{resource}/{id}/{action}. */
export interface ActionTarget {
    resource: 'initiatives' | 'conditions' | 'plan-changes' | 'reviews' | 'benefits';
    id: string;
    action: string;
}

export interface ConsoleDataProvider extends DataProvider {
    decide: (id: string, input: DecisionInput) => Promise<Initiative>;
    reportProgress: (id: string, input: { percent: number; note: string }) => Promise<unknown>;
    adminAction: (id: string, input: AdminActionInput) => Promise<unknown>;
    /** Submit, mark a checklist item, close a condition, answer a plan change, decide a review, record a harvest. */
    act: <T = unknown>(target: ActionTarget, body: Record<string, unknown>) => Promise<T>;
    getWorkflowState: (id: string) => Promise<unknown>;
    getOwnersReport: () => Promise<OwnerReportRow[]>;
    getGoalsReport: () => Promise<GoalReportRow[]>;
    getMeta: () => Promise<Meta>;
}

const base = simpleRestProvider(apiUrl, httpClient);
const actionPath = ({ resource, id, action }: ActionTarget) => `/${resource}/${encodeURIComponent(id)}/${action}`;
const initiativePath = (id: string, action: string) => actionPath({ resource: 'initiatives', id, action });

/**
 * After owner sign-off a change to a benefit's plan is not made at once: the API answers 202
 * with the plan change that waits for the service owner. The page gets the benefit as it still
 * is, marked with the pending change, so it can say where the change went.
 */
const benefitWrite = async (method: 'POST' | 'PUT' | 'DELETE', params: { id?: RaRecord['id']; data?: Partial<RaRecord>; previousData?: RaRecord }) => {
    const path = params.id === undefined ? '/benefits' : `/benefits/${encodeURIComponent(String(params.id))}`;
    const body = params.data ? JSON.stringify(writableData('benefits', params.data)) : undefined;
    const { status, json } = await httpClient(`${apiUrl}${path}`, { method, body });
    if (status !== 202) return { data: method === 'DELETE' ? (params.previousData ?? json) : json };
    const waiting = { pendingPlanChangeId: json.id, initiativeId: json.initiativeId };
    return { data: { ...(params.previousData ?? { id: json.benefitId }), ...waiting } };
};

export const dataProvider: ConsoleDataProvider = {
    ...base,
    update: (resource: string, params: UpdateParams) =>
        resource === 'benefits' ? benefitWrite('PUT', params) : base.update(resource, { ...params, data: writableData(resource, params.data) }),
    create: (resource: string, params: CreateParams) =>
        resource === 'benefits' ? benefitWrite('POST', params) : base.create(resource, { ...params, data: writableData(resource, params.data) }),
    delete: (resource: string, params: DeleteParams) => (resource === 'benefits' ? benefitWrite('DELETE', params) : base.delete(resource, params)),
    decide: (id, input) => callApi<Initiative>(initiativePath(id, 'decisions'), { method: 'POST', body: input }),
    reportProgress: (id, input) => callApi(initiativePath(id, 'progress'), { method: 'POST', body: input }),
    adminAction: (id, input) => callApi(initiativePath(id, 'admin'), { method: 'POST', body: input }),
    act: (target, body) => callApi(actionPath(target), { method: 'POST', body }),
    getWorkflowState: id => callApi(initiativePath(id, 'workflow')),
    getOwnersReport: () => callApi<OwnerReportRow[]>('/reports/owners'),
    getGoalsReport: () => callApi<GoalReportRow[]>('/reports/goals'),
    getMeta: () => callApi<Meta>('/meta'),
} as ConsoleDataProvider;

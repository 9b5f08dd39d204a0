// Simple-REST data provider over the session API, plus the initiative actions and reports.
import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, RaRecord, UpdateParams } from 'react-admin';
import { apiUrl, callApi, httpClient } from './httpClient';
import { BENEFIT_READ_MODEL, INITIATIVE_READ_MODEL, SERVER_FIELDS } from '@domain/read-model';
import type { AdminAction, DecisionKind, Gate } from '@domain/types';
import type { GoalReportRow, Initiative, Meta, OwnerReportRow } from '../shared/types';

/** Fields users never write (domain/read-model.ts, plus what a measurement's reporter is). */
const readOnlyFields: Record<string, readonly string[]> = {
    initiatives: INITIATIVE_READ_MODEL,
    benefits: BENEFIT_READ_MODEL,
    measurements: ['reportedById', 'channel', 'initiativeId', 'requestKey'],
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
    return result;
};

export interface DecisionInput {
    gate: Gate;
    decision: DecisionKind;
    comment: string;
    conditions?: string[];
}

export interface AdminActionInput {
    action: AdminAction;
    reason: string;
    personId?: string;
}

export interface ConsoleDataProvider extends DataProvider {
    decide: (id: string, input: DecisionInput) => Promise<Initiative>;
    reportProgress: (id: string, input: { percent: number; note: string }) => Promise<unknown>;
    adminAction: (id: string, input: AdminActionInput) => Promise<unknown>;
    getWorkflowState: (id: string) => Promise<unknown>;
    getOwnersReport: () => Promise<OwnerReportRow[]>;
    getGoalsReport: () => Promise<GoalReportRow[]>;
    getMeta: () => Promise<Meta>;
}

const base = simpleRestProvider(apiUrl, httpClient);
const initiativePath = (id: string, action: string) =>
    `/initiatives/${encodeURIComponent(id)}/${action}`;

export const dataProvider: ConsoleDataProvider = {
    ...base,
    update: (resource: string, params: UpdateParams) =>
        base.update(resource, { ...params, data: writableData(resource, params.data) }),
    create: (resource, params) =>
        base.create(resource, { ...params, data: writableData(resource, params.data) }),
    decide: (id, input) => callApi<Initiative>(initiativePath(id, 'decisions'), { method: 'POST', body: input }),
    reportProgress: (id, input) => callApi(initiativePath(id, 'progress'), { method: 'POST', body: input }),
    adminAction: (id, input) => callApi(initiativePath(id, 'admin'), { method: 'POST', body: input }),
    getWorkflowState: id => callApi(initiativePath(id, 'workflow')),
    getOwnersReport: () => callApi<OwnerReportRow[]>('/reports/owners'),
    getGoalsReport: () => callApi<GoalReportRow[]>('/reports/goals'),
    getMeta: () => callApi<Meta>('/meta'),
};

// The API's only door to Temporal: starts initiative workflows and sends them updates.
// It never changes gate state itself.
import { Client, Connection, WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import type { Config } from '../config/config.js';
import { DELIVERY_WORKFLOW, deliveryStartOptions } from '../domain/events.js';
import type { InitiativeKind } from '../domain/types.js';
import * as workflow from '../workflows/definitions.js';
import { BusinessError, workflowIdFor, type AdminRequest, type BenefitPlanEdit, type DecisionRequest, type InitiativeEdit, type ProgressReport, type WorkflowState } from '../workflows/definitions.js';
import { AppError } from './errors.js';

export interface WorkflowGateway {
  start(initiativeId: string, kind: InitiativeKind, options?: { draft?: boolean }): Promise<string>;
  /** `updateId` makes a retried request count once (an action link's claim). */
  decide(initiativeId: string, request: DecisionRequest, options?: { updateId?: string }): Promise<WorkflowState>;
  reportProgress(initiativeId: string, report: ProgressReport): Promise<WorkflowState>;
  admin(initiativeId: string, request: AdminRequest): Promise<WorkflowState>;
  measurementRecorded(initiativeId: string, notice: workflow.MeasurementNotice): Promise<void>;
  edit(initiativeId: string, edit: InitiativeEdit): Promise<WorkflowState>;
  editBenefitPlan(initiativeId: string, edit: BenefitPlanEdit): Promise<WorkflowState>;
  submit(initiativeId: string, submission: workflow.Submission): Promise<WorkflowState>;
  markChecklist(initiativeId: string, mark: workflow.ChecklistMark): Promise<WorkflowState>;
  closeCondition(initiativeId: string, closing: workflow.ConditionClosing): Promise<WorkflowState>;
  answerPlanChange(initiativeId: string, answer: workflow.PlanChangeAnswer, options?: { updateId?: string }): Promise<WorkflowState>;
  recordHarvest(initiativeId: string, record: workflow.HarvestRecord): Promise<WorkflowState>;
  decideReview(initiativeId: string, answer: workflow.ReviewAnswer, options?: { updateId?: string }): Promise<WorkflowState>;
  state(initiativeId: string): Promise<WorkflowState>;
  /** Starts the delivery of a recorded event to its webhooks (once per event id). */
  startEventDelivery(eventId: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function connectTemporal(config: Config): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({ address: config.temporal.address, connectTimeout: 5_000 });
  return { client: new Client({ connection, namespace: config.temporal.namespace }), connection };
}

/** Each business error's status and code in the contract. */
const BUSINESS_ERRORS: Record<BusinessError, { status: number; code: string }> = {
  [BusinessError.WrongGate]: { status: 409, code: 'wrong-state' },
  [BusinessError.NotActive]: { status: 409, code: 'wrong-state' },
  [BusinessError.PreconditionFailed]: { status: 409, code: 'precondition-failed' },
  [BusinessError.DecisionInFlight]: { status: 409, code: 'wrong-state' },
  [BusinessError.NotApplicable]: { status: 409, code: 'wrong-state' },
  [BusinessError.StaleLink]: { status: 409, code: 'stale-link' },
  [BusinessError.Locked]: { status: 409, code: 'locked' },
  [BusinessError.ChecklistIncomplete]: { status: 409, code: 'checklist-incomplete' },
  [BusinessError.OpenConditions]: { status: 409, code: 'open-conditions' },
};

/** Maps a failed update to the contract's error; anything unexpected means Temporal is unavailable. */
function toAppError(error: unknown): never {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const known = BUSINESS_ERRORS[(error.cause.type ?? '') as BusinessError];
    const fields = error.cause.details?.[0] as Record<string, string> | undefined;
    if (known) throw new AppError(known.status, known.code, error.cause.message, fields);
  }
  if (error instanceof WorkflowNotFoundError) throw new AppError(409, 'wrong-state', 'the initiative has no running workflow');
  if (error instanceof AppError) throw error;
  throw new AppError(503, 'temporal-unavailable', 'the workflow service is not answering; try again shortly', undefined, error);
}

/** How long the API waits for Temporal before answering 503 (an update waits for the worker too). */
const DEADLINE_MS = { start: 10_000, update: 30_000, query: 10_000 };

export function createWorkflowGateway(client: Client, config: Config, connection?: Connection): WorkflowGateway {
  const handle = (initiativeId: string) => client.workflow.getHandle(workflowIdFor(initiativeId));
  const within = <T>(ms: number, fn: () => Promise<T>) => client.withDeadline(Date.now() + ms, fn);
  const update = <A>(initiativeId: string, definition: UpdateDefinition<WorkflowState, [A]>, arg: A, updateId?: string) =>
    within(DEADLINE_MS.update, () => handle(initiativeId).executeUpdate(definition, { args: [arg], updateId })).catch(toAppError);
  return {
    async start(initiativeId, kind, options) {
      const workflowId = workflowIdFor(initiativeId);
      try {
        await within(DEADLINE_MS.start, () =>
          client.workflow.start('initiativeWorkflow', {
            taskQueue: config.temporal.taskQueue,
            workflowId,
            args: [{ initiativeId, kind, ...(options?.draft ? { draft: true } : {}) }],
          }),
        );
      } catch (error) {
        toAppError(error);
      }
      return workflowId;
    },
    decide: (initiativeId, request, options) => update(initiativeId, workflow.decideUpdate, request, options?.updateId),
    reportProgress: (initiativeId, report) => update(initiativeId, workflow.reportProgressUpdate, report),
    admin: (initiativeId, request) => update(initiativeId, workflow.adminUpdate, request),
    async measurementRecorded(initiativeId, notice) {
      await update(initiativeId, workflow.measurementUpdate, notice);
    },
    edit: (initiativeId, edit) => update(initiativeId, workflow.editUpdate, edit),
    editBenefitPlan: (initiativeId, edit) => update(initiativeId, workflow.benefitPlanUpdate, edit),
    submit: (initiativeId, submission) => update(initiativeId, workflow.submitUpdate, submission),
    markChecklist: (initiativeId, mark) => update(initiativeId, workflow.checklistUpdate, mark),
    closeCondition: (initiativeId, closing) => update(initiativeId, workflow.closeConditionUpdate, closing),
    answerPlanChange: (initiativeId, answer, options) => update(initiativeId, workflow.planChangeUpdate, answer, options?.updateId),
    recordHarvest: (initiativeId, record) => update(initiativeId, workflow.harvestUpdate, record),
    decideReview: (initiativeId, answer, options) => update(initiativeId, workflow.reviewUpdate, answer, options?.updateId),
    async state(initiativeId) {
      return within(DEADLINE_MS.query, () => handle(initiativeId).query(workflow.stateQuery)).catch(toAppError);
    },
    async startEventDelivery(eventId) {
      try {
        await within(DEADLINE_MS.start, () => client.workflow.start(DELIVERY_WORKFLOW, deliveryStartOptions(eventId, config.temporal.taskQueue)));
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) toAppError(error);
      }
    },
    async ping() {
      await within(2_000, () => client.workflowService.getSystemInfo({}));
    },
    async close() {
      await connection?.close();
    },
  };
}

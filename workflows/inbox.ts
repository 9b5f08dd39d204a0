// Requests from updates queue here and are processed one at a time by the main loop; each
// update resolves when the workflow has moved on from its request (so the API can answer with
// the new state).
import { condition } from '@temporalio/workflow';
import type {
  AdminRequest,
  BenefitPlanEdit,
  ChecklistMark,
  ConditionClosing,
  DecisionRequest,
  HarvestRecord,
  InitiativeEdit,
  PlanChangeAnswer,
  ProgressReport,
  ReviewAnswer,
  Submission,
} from './definitions.js';
import type { RecordedMeasurement } from '../domain/exchange.js';

export type InboxItem =
  | { type: 'decision'; request: DecisionRequest }
  | { type: 'admin'; request: AdminRequest }
  | { type: 'progress'; report: ProgressReport }
  | { type: 'measurement'; benefitId: string; measurement?: RecordedMeasurement }
  | { type: 'edit'; edit: InitiativeEdit }
  | { type: 'benefit-edit'; edit: BenefitPlanEdit }
  | { type: 'submit'; submission: Submission }
  | { type: 'checklist'; mark: ChecklistMark }
  | { type: 'close-condition'; closing: ConditionClosing }
  | { type: 'plan-change'; answer: PlanChangeAnswer }
  | { type: 'harvest'; record: HarvestRecord }
  | { type: 'review'; answer: ReviewAnswer };

export class Inbox {
  private readonly items: InboxItem[] = [];
  private taken = 0;
  private acknowledged = 0;

  get size(): number {
    return this.items.length;
  }

  /** Resolves once the item has been taken and acknowledged. */
  async enqueue(item: InboxItem): Promise<void> {
    this.items.push(item);
    const ticket = this.taken + this.items.length;
    await condition(() => this.acknowledged >= ticket);
  }

  take(): InboxItem {
    this.taken += 1;
    return this.items.shift()!;
  }

  /** Everything taken so far has been dealt with. */
  acknowledge(): void {
    this.acknowledged = this.taken;
  }

  /** Waits for an item; true when one is there, false when `until` (epoch ms) passed first. */
  async waitUntil(until: number | undefined): Promise<boolean> {
    if (until === undefined || !Number.isFinite(until)) {
      await condition(() => this.items.length > 0);
      return true;
    }
    return condition(() => this.items.length > 0, Math.max(1, until - Date.now()));
  }
}

// Changes people make to an initiative and its benefit plan, written by the initiative's own
// workflow (its single writer) after the workflow has checked them against the gate it is in.
import type { InitiativeChanges, BenefitOperation } from '../domain/edits.js';
import { priorityScore } from '../domain/goal-links.js';
import type { Channel } from '../domain/types.js';
import { isDuplicateKey } from '../store/keys.js';
import { writeAudit } from './audit.js';
import type { ActivityDeps } from './deps.js';
import { loadGoalFacts } from './loading.js';

export interface InitiativeEditRecord {
  initiativeId: string;
  changes: InitiativeChanges;
  actorId: string | null;
  channel: Channel;
  /** Unique per edit of this initiative, so a retry writes its audit entry once. */
  key: string;
}

export interface BenefitEditRecord {
  initiativeId: string;
  operation: BenefitOperation;
  benefitId: string;
  fields: Record<string, unknown>;
  actorId: string | null;
  channel: Channel;
  key: string;
}

export function createEditActivities({ models, clock }: ActivityDeps) {
  return {
    async applyInitiativeEdit(ref: InitiativeEditRecord): Promise<void> {
      const { goalLinks } = ref.changes;
      const derived = goalLinks
        ? { goalIds: goalLinks.map((l) => l.goalId), priorityScore: priorityScore(goalLinks, await loadGoalFacts(models, goalLinks.map((l) => l.goalId))) }
        : {};
      await models.Initiative.updateOne({ _id: ref.initiativeId }, { $set: { ...ref.changes, ...derived } });
      await writeAudit(models, {
        key: ref.key,
        action: 'initiative.updated',
        initiativeId: ref.initiativeId,
        actorId: ref.actorId,
        channel: ref.channel,
        at: clock(),
        details: { fields: Object.keys(ref.changes) },
      });
    },

    async applyBenefitEdit(ref: BenefitEditRecord): Promise<void> {
      if (ref.operation === 'create') {
        try {
          await models.Benefit.create({ ...ref.fields, _id: ref.benefitId, initiativeId: ref.initiativeId });
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
        await models.Initiative.updateOne({ _id: ref.initiativeId }, { $addToSet: { benefitIds: ref.benefitId } });
      } else if (ref.operation === 'update') {
        await models.Benefit.updateOne({ _id: ref.benefitId }, { $set: ref.fields });
      } else {
        await models.Benefit.deleteOne({ _id: ref.benefitId });
        await models.Initiative.updateOne({ _id: ref.initiativeId }, { $pull: { benefitIds: ref.benefitId } });
      }
      await writeAudit(models, {
        key: ref.key,
        action: `benefit.${ref.operation === 'create' ? 'created' : ref.operation === 'update' ? 'updated' : 'deleted'}`,
        initiativeId: ref.initiativeId,
        actorId: ref.actorId,
        channel: ref.channel,
        at: clock(),
        details: { benefitId: ref.benefitId, fields: Object.keys(ref.fields) },
      });
    },
  };
}

// Benefit reviews (decision point 6 in the 2026 project model): governance reviews realisation on a
// cadence and decides to continue, adjust a target (a plan change the service owner accepts),
// close as realised, or close as not achievable with a reason.
import { addDuration } from '../domain/calendar.js';
import type { Channel, ReviewDecision } from '../domain/types.js';
import { idFromKey, isDuplicateKey } from '../store/keys.js';
import { writeAudit } from './audit.js';
import type { ActivityDeps } from './deps.js';
import { loadBenefits, loadInitiative } from './loading.js';
import { policyFor } from './policies.js';
import { revokeLinks } from './tokens.js';

export function createReviewActivities({ models, clock }: ActivityDeps) {
  return {
    /** When the next review falls due, counted from `from` by the policy's cadence and calendar. */
    async planReview(ref: { initiativeId: string; from: string }): Promise<string> {
      const policy = await policyFor(models, 'benefit-realisation');
      return addDuration(new Date(ref.from), policy.reviewEvery, policy.calendar).toISOString();
    },

    async openReview(ref: { initiativeId: string; dueAt: string }): Promise<string> {
      const id = idFromKey(`${ref.initiativeId}:review:${ref.dueAt}`);
      try {
        await models.Review.create({ _id: id, initiativeId: ref.initiativeId, dueAt: new Date(ref.dueAt), status: 'open' });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      await writeAudit(models, { key: `${id}:opened`, action: 'review.opened', initiativeId: ref.initiativeId, actorId: null, channel: 'system', at: clock(), details: { reviewId: id } });
      return id;
    },

    async decideReview(ref: {
      initiativeId: string; reviewId: string; decision: ReviewDecision; note: string; benefitId?: string; target?: number;
      actorId: string | null; channel: Channel; key: string;
    }): Promise<{ planChangeId?: string; closes?: 'realised' | 'abandoned' }> {
      const now = clock();
      await models.Review.updateOne(
        { _id: ref.reviewId },
        { $set: { status: 'decided', decision: ref.decision, note: ref.note, target: ref.target ?? null, byId: ref.actorId, channel: ref.channel, at: now } },
      );
      await revokeLinks(models, { subjectId: ref.reviewId }, `review ${ref.decision}`, now);
      await writeAudit(models, {
        key: ref.key, action: 'review.decided', initiativeId: ref.initiativeId, actorId: ref.actorId, channel: ref.channel, at: now,
        details: { reviewId: ref.reviewId, decision: ref.decision, note: ref.note, benefitId: ref.benefitId ?? null, target: ref.target ?? null },
      });
      if (ref.decision === 'adjust' && ref.benefitId && typeof ref.target === 'number') {
        const planChangeId = idFromKey(`${ref.reviewId}:adjust`);
        try {
          await models.PlanChange.create({
            _id: planChangeId, initiativeId: ref.initiativeId, benefitId: ref.benefitId, operation: 'update',
            changes: { target: ref.target }, reason: ref.note, requestedById: ref.actorId, status: 'pending',
          });
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
        return { planChangeId };
      }
      if (ref.decision === 'close-realised' || ref.decision === 'close-abandoned') {
        const realised = ref.decision === 'close-realised';
        for (const benefit of await loadBenefits(models, await loadInitiative(models, ref.initiativeId))) {
          await models.Benefit.updateOne({ _id: benefit._id }, { $set: { nextMeasurementDue: null, ...(realised ? { realised: true } : {}) } });
        }
        return { closes: realised ? 'realised' : 'abandoned' };
      }
      return {};
    },
  };
}

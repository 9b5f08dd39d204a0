// The benefit plan as a baseline (DFØ): owner sign-off accepts version 1; afterwards a change to a
// target, date or cadence, or adding or removing a benefit, is a plan change that waits for the
// service owner; every accepted version is kept. Also where a realised benefit's harvest is recorded.
import { BENEFIT_PLAN_FIELDS, type BenefitOperation } from '../domain/edits.js';
import type { FollowUpChange } from '../domain/exchange.js';
import { addDuration } from '../domain/calendar.js';
import type { Channel } from '../domain/types.js';
import { isDuplicateKey } from '../store/keys.js';
import type { Models } from '../store/models/index.js';
import { writeAudit } from './audit.js';
import { evaluateBenefit } from './benefits.js';
import type { ActivityDeps } from './deps.js';
import { loadBenefits, loadInitiative } from './loading.js';
import { policyFor } from './policies.js';
import { revokeLinks } from './tokens.js';

/** What the service owner accepted: the plan fields of a benefit, with its version. */
function snapshot(benefit: Record<string, unknown>, version: number, at: Date) {
  return { version, at, title: benefit.title, ...Object.fromEntries(BENEFIT_PLAN_FIELDS.map((field) => [field, benefit[field]])) };
}

export function createPlanActivities({ models, clock }: ActivityDeps) {
  /** Applies an accepted change to the benefit, as the version the plan change was given. */
  async function apply(change: { benefitId: string; initiativeId: string; operation: string; changes: Record<string, unknown>; appliedVersion?: number | null }, at: Date): Promise<FollowUpChange> {
    const version = change.appliedVersion ?? 1;
    if (change.operation === 'delete') {
      await models.Benefit.updateOne({ _id: change.benefitId }, { $set: { withdrawn: true, nextMeasurementDue: null } });
      return { withdrawn: change.benefitId };
    }
    const initiative = await models.Initiative.findById(change.initiativeId, { gate: 1 }).lean();
    const followed = initiative?.gate === 'benefit-realisation';
    if (change.operation === 'create') {
      const fields = { ...change.changes, initiativeId: change.initiativeId, version, acceptedVersion: version, acceptedAt: at };
      try {
        await models.Benefit.create({ ...fields, _id: change.benefitId, versions: [snapshot(fields, version, at)] });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      await models.Initiative.updateOne({ _id: change.initiativeId }, { $addToSet: { benefitIds: change.benefitId } });
    }
    const benefit = (await models.Benefit.findById(change.benefitId).lean())!;
    if (change.operation === 'update') {
      const next = { ...benefit, ...change.changes } as Record<string, unknown>;
      const versions = (benefit.versions as { version: number }[]).filter((v) => v.version !== version);
      await models.Benefit.updateOne({ _id: change.benefitId }, { $set: { ...change.changes, version, acceptedVersion: version, acceptedAt: at, versions: [...versions, snapshot(next, version, at)] } });
    }
    if (!followed) return {};
    // Benefits already followed up: measured against the new plan, asked for on the new cadence.
    const policy = await policyFor(models, 'benefit-realisation');
    const current = (await models.Benefit.findById(change.benefitId).lean())!;
    const nextDueAt = addDuration(at, current.measureEvery, policy.calendar);
    await models.Benefit.updateOne({ _id: change.benefitId }, { $set: { nextMeasurementDue: nextDueAt, followUpStartedAt: current.followUpStartedAt ?? at } });
    await evaluateBenefit(models, change.benefitId, policy);
    if (change.operation === 'create') {
      return { added: { id: change.benefitId, nextDueAt: nextDueAt.toISOString(), until: current.followUpUntil.toISOString(), requestedAt: null, closed: false, realised: false, requests: 0 } };
    }
    return 'measureEvery' in change.changes ? { rescheduled: { id: change.benefitId, nextDueAt: nextDueAt.toISOString() } } : {};
  }

  return {
    /** Owner sign-off: the plan as it stands is version 1 of every benefit, accepted now. */
    async baselinePlan(ref: { initiativeId: string }): Promise<void> {
      const at = clock();
      const benefits = await loadBenefits(models, await loadInitiative(models, ref.initiativeId));
      for (const benefit of benefits) {
        const version = benefit.version ?? 1;
        await models.Benefit.updateOne(
          { _id: benefit._id },
          { $set: { version, acceptedVersion: version, acceptedAt: at, versions: [snapshot(benefit as Record<string, unknown>, version, at)] } },
        );
      }
    },

    async requestPlanChange(ref: {
      initiativeId: string; planChangeId: string; benefitId: string; operation: BenefitOperation; fields: Record<string, unknown>;
      reason?: string; actorId: string | null; channel: Channel; key: string;
    }): Promise<void> {
      const now = clock();
      try {
        await models.PlanChange.create({
          _id: ref.planChangeId, initiativeId: ref.initiativeId, benefitId: ref.benefitId, operation: ref.operation,
          changes: ref.fields, reason: ref.reason ?? '', requestedById: ref.actorId, status: 'pending',
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      await writeAudit(models, {
        key: ref.key, action: 'plan-change.requested', initiativeId: ref.initiativeId, actorId: ref.actorId, channel: ref.channel, at: now,
        details: { planChangeId: ref.planChangeId, benefitId: ref.benefitId, operation: ref.operation, changes: ref.fields, reason: ref.reason ?? '' },
      });
    },

    /** The service owner accepts (the benefit becomes the next version) or rejects a plan change. */
    async answerPlanChange(ref: { initiativeId: string; planChangeId: string; decision: 'approve' | 'reject'; comment: string; actorId: string | null; channel: Channel; key: string }): Promise<{ followUp?: FollowUpChange }> {
      const now = clock();
      let change = await models.PlanChange.findById(ref.planChangeId).lean();
      if (!change) throw new Error(`plan change ${ref.planChangeId} not found`);
      if (change.status === 'pending') {
        const benefit = change.operation === 'create' ? null : await models.Benefit.findById(change.benefitId, { version: 1 }).lean();
        const appliedVersion = ref.decision === 'approve' ? (benefit?.version ?? 0) + 1 : null;
        await models.PlanChange.updateOne(
          { _id: ref.planChangeId },
          { $set: { status: ref.decision === 'approve' ? 'accepted' : 'rejected', decidedById: ref.actorId, channel: ref.channel, comment: ref.comment, at: now, appliedVersion } },
        );
        change = (await models.PlanChange.findById(ref.planChangeId).lean())!;
      }
      const followUp = change.status === 'accepted' ? await apply({ ...change, changes: change.changes as Record<string, unknown> }, change.at ?? now) : undefined;
      await revokeLinks(models, { subjectId: ref.planChangeId }, `${change.status} via ${ref.channel}`, now);
      await writeAudit(models, {
        key: ref.key, action: `plan-change.${change.status}`, initiativeId: ref.initiativeId, actorId: ref.actorId, channel: ref.channel, at: now,
        details: { planChangeId: ref.planChangeId, benefitId: change.benefitId, comment: ref.comment },
      });
      return { followUp };
    },

    /** How a realised benefit was taken out: budget reduced, capacity redeployed, better quality, other. */
    async recordHarvest(ref: { initiativeId: string; benefitId: string; how: string; note: string; actorId: string | null; channel: Channel; key: string }): Promise<void> {
      const now = clock();
      await models.Benefit.updateOne({ _id: ref.benefitId }, { $set: { harvest: { how: ref.how, note: ref.note, byId: ref.actorId, at: now } } });
      await writeAudit(models, {
        key: ref.key, action: 'benefit.harvested', initiativeId: ref.initiativeId, actorId: ref.actorId, channel: ref.channel, at: now,
        details: { benefitId: ref.benefitId, how: ref.how, note: ref.note },
      });
    },
  };
}

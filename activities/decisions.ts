// What people do at a gate: decisions, progress reports and administrator actions, each written
// once per key however often its activity runs.
import type { LadderStep } from '../domain/escalation.js';
import { progressLadder } from '../domain/ladder.js';
import { responsibleField } from '../domain/gates.js';
import type { AdminAction, Channel, DecisionKind } from '../domain/types.js';
import { isDuplicateKey } from '../store/keys.js';
import type { Models } from '../store/models/index.js';
import { writeAudit } from './audit.js';
import type { ActivityDeps } from './deps.js';
import { eventsFor } from './events.js';
import { stepKey, type StepRef } from './keys.js';
import { policyFor } from './policies.js';
import { revokeOpenTokens } from './tokens.js';

interface DecisionRecord extends StepRef {
  decision: DecisionKind;
  comment: string;
  conditions: string[];
  actorId: string | null;
  channel: Channel;
}

/** The gate step's one decision; a retry finds the first one and returns its time. */
async function insertDecisionOnce(models: Models, record: DecisionRecord, at: Date): Promise<Date> {
  const key = stepKey(record, 'decision');
  try {
    await models.Decision.create({ ...record, byId: record.actorId, key, at });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  return (await models.Decision.findOne({ key }).lean())!.at;
}

export function createDecisionActivities(deps: ActivityDeps) {
  const { models, clock } = deps;
  const events = eventsFor(deps);
  return {
    async recordDecision(ref: DecisionRecord): Promise<string> {
      const at = await insertDecisionOnce(models, ref, clock());
      await writeAudit(models, {
        key: `${stepKey(ref, 'decision')}:audit`,
        action: `decision.${ref.decision}`,
        initiativeId: ref.initiativeId,
        actorId: ref.actorId,
        channel: ref.channel,
        at,
        details: { gate: ref.gate, step: ref.step, comment: ref.comment, conditions: ref.conditions },
      });
      await revokeOpenTokens(models, ref.initiativeId, `${ref.decision} via ${ref.channel}`, at);
      await events.gateDecided(stepKey(ref, 'decision'), at, { ...ref, conditions: ref.conditions ?? [] });
      return at.toISOString();
    },

    async recordProgress(ref: StepRef & { percent: number; note: string; actorId: string | null; channel: Channel; report: number }): Promise<LadderStep[]> {
      const now = clock();
      const ladder = progressLadder(await policyFor(models, 'implementation'), now);
      await models.Initiative.updateOne(
        { _id: ref.initiativeId },
        { progressPercent: ref.percent, lastProgressAt: now, escalationLevel: 0, stalled: false, gateDueAt: ladder[0] ? new Date(ladder[0].at) : null },
      );
      await writeAudit(models, {
        key: stepKey(ref, 'progress', ref.report),
        action: 'progress.reported',
        initiativeId: ref.initiativeId,
        actorId: ref.actorId,
        channel: ref.channel,
        at: now,
        details: { percent: ref.percent, note: ref.note },
      });
      return ladder;
    },

    async recordAdminAction(
      ref: StepRef & { action: AdminAction; reason: string; personId?: string; actorId: string | null; channel: Channel; nudge: number },
    ): Promise<void> {
      const now = clock();
      await writeAudit(models, {
        key: stepKey(ref, `admin-${ref.action}`, ref.action === 'nudge' ? ref.nudge : 0),
        action: `admin.${ref.action}`,
        initiativeId: ref.initiativeId,
        actorId: ref.actorId,
        channel: ref.channel,
        at: now,
        details: { gate: ref.gate, step: ref.step, reason: ref.reason, personId: ref.personId ?? null },
      });
      if (ref.action === 'reassign' && ref.personId) {
        await models.Initiative.updateOne({ _id: ref.initiativeId }, { [responsibleField(ref.gate, ref.step)]: ref.personId });
        await revokeOpenTokens(models, ref.initiativeId, 'reassigned by an administrator', now);
      }
      if (ref.action === 'skip') {
        const comment = `Skipped by an administrator: ${ref.reason}`;
        const at = await insertDecisionOnce(models, { ...ref, decision: 'approve', comment, conditions: [] }, now);
        await events.gateDecided(stepKey(ref, 'decision'), at, { ...ref, decision: 'approve', comment, conditions: [] });
        await revokeOpenTokens(models, ref.initiativeId, 'skipped by an administrator', now);
      }
      if (ref.action === 'cancel') await revokeOpenTokens(models, ref.initiativeId, 'initiative cancelled', now);
    },
  };
}

// What people do at a gate: decisions, progress reports and administrator actions, each written
// once per key however often its activity runs.
import type { LadderStep } from '../domain/escalation.js';
import { progressLadder } from '../domain/ladder.js';
import { planConditions, type ConditionInput } from '../domain/conditions.js';
import type { TrackedCondition } from '../domain/exchange.js';
import { boardMembers, decidersOf, deputyAt, responsibleField } from '../domain/gates.js';
import type { AdminAction, Channel, DecisionKind } from '../domain/types.js';
import { idFromKey, isDuplicateKey } from '../store/keys.js';
import type { Models } from '../store/models/index.js';
import { writeAudit } from './audit.js';
import type { ActivityDeps } from './deps.js';
import { eventsFor } from './events.js';
import { stepKey, type StepRef } from './keys.js';
import { loadBoard, loadInitiative, loadPeople } from './loading.js';
import { policyFor } from './policies.js';
import { revokeLinks } from './tokens.js';

interface DecisionRecord extends StepRef {
  decision: DecisionKind;
  comment: string;
  conditions: (string | ConditionInput)[];
  until?: string;
  actorId: string | null;
  channel: Channel;
}

/** On whose behalf the actor decides: their board's, or a decider's they stand in for while away. */
async function standingOf(models: Models, record: DecisionRecord, at: Date) {
  const initiative = await loadInitiative(models, record.initiativeId);
  const board = await loadBoard(models, initiative.boardId);
  const deciders = decidersOf(initiative, record.gate, record.step === 'hold' ? 'decision' : record.step, board);
  const onBehalfOf = board && record.gate === 'goal-alignment' && record.actorId && boardMembers(board).includes(record.actorId) ? board.id : null;
  let deputyFor: string | null = null;
  if (record.actorId && !deciders.includes(record.actorId)) {
    const people = await loadPeople(models, deciders);
    deputyFor = deciders.find((id) => deputyAt(people.get(id), at) === record.actorId) ?? null;
  }
  return { initiative, onBehalfOf, deputyFor };
}

/** The gate step's one decision; a retry finds the first one and returns its time. */
async function insertDecisionOnce(models: Models, record: DecisionRecord, at: Date, extra: Record<string, unknown> = {}): Promise<Date> {
  const key = stepKey(record, 'decision');
  const texts = record.conditions.map((c) => (typeof c === 'string' ? c : c.text));
  try {
    await models.Decision.create({ ...record, ...extra, _id: idFromKey(key), conditions: texts, until: record.until ?? null, byId: record.actorId, key, at });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  // A decision recorded before decisions were keyed by id is found by its key (once, on a retry).
  const decision = (await models.Decision.findById(idFromKey(key)).lean()) ?? (await models.Decision.findOne({ key }).lean());
  return decision!.at;
}

/** The conditions of an approval as tracked documents, created once however often this runs. */
async function createConditions(models: Models, record: DecisionRecord, projectManagerId: string, at: Date): Promise<TrackedCondition[]> {
  const planned = planConditions(record.conditions, projectManagerId, at);
  const tracked: TrackedCondition[] = [];
  for (const [i, condition] of planned.entries()) {
    const id = idFromKey(`${stepKey(record, 'decision')}:condition:${i}`);
    try {
      await models.Condition.create({ _id: id, initiativeId: record.initiativeId, gate: record.gate, ...condition });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    tracked.push({ id, gate: record.gate, ownerId: condition.ownerId, dueAt: condition.dueAt, status: 'open', reminders: 0 });
  }
  return tracked;
}

export function createDecisionActivities(deps: ActivityDeps) {
  const { models, clock } = deps;
  const events = eventsFor(deps);
  return {
    async recordDecision(ref: DecisionRecord): Promise<{ at: string; conditions: TrackedCondition[] }> {
      const now = clock();
      const { initiative, onBehalfOf, deputyFor } = await standingOf(models, ref, now);
      const at = await insertDecisionOnce(models, ref, now, { onBehalfOf, deputyFor });
      const conditions = ref.decision === 'approve' && ref.conditions.length ? await createConditions(models, ref, initiative.projectManagerId, at) : [];
      // Different documents, each keyed: written side by side, one round trip instead of two.
      await Promise.all([
        writeAudit(models, {
          key: `${stepKey(ref, 'decision')}:audit`,
          action: `decision.${ref.decision}`,
          initiativeId: ref.initiativeId,
          actorId: ref.actorId,
          channel: ref.channel,
          at,
          details: { gate: ref.gate, step: ref.step, comment: ref.comment, conditions: conditions.map((c) => c.id), until: ref.until ?? null, onBehalfOf, deputyFor },
        }),
        revokeLinks(models, { initiativeId: ref.initiativeId, round: ref.round }, `${ref.decision} via ${ref.channel}`, at),
      ]);
      await events.gateDecided(stepKey(ref, 'decision'), at, { ...ref, conditions: ref.conditions.map((c) => (typeof c === 'string' ? c : c.text)) });
      return { at: at.toISOString(), conditions };
    },

    /** A condition met by its owner or waived by the decider; its reminders stop. */
    async closeCondition(ref: { initiativeId: string; conditionId: string; status: 'met' | 'waived'; note: string; actorId: string | null; channel: Channel; key: string }): Promise<void> {
      const now = clock();
      await models.Condition.updateOne({ _id: ref.conditionId }, { $set: { status: ref.status, note: ref.note, closedById: ref.actorId, closedAt: now } });
      await writeAudit(models, {
        key: ref.key,
        action: `condition.${ref.status}`,
        initiativeId: ref.initiativeId,
        actorId: ref.actorId,
        channel: ref.channel,
        at: now,
        details: { conditionId: ref.conditionId, note: ref.note },
      });
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
        await revokeLinks(models, { initiativeId: ref.initiativeId, round: ref.round }, 'reassigned by an administrator', now);
      }
      if (ref.action === 'skip') {
        const comment = `Skipped by an administrator: ${ref.reason}`;
        const at = await insertDecisionOnce(models, { ...ref, decision: 'approve', comment, conditions: [] }, now);
        await events.gateDecided(stepKey(ref, 'decision'), at, { ...ref, decision: 'approve', comment, conditions: [] });
        await revokeLinks(models, { initiativeId: ref.initiativeId, round: ref.round }, 'skipped by an administrator', now);
      }
      if (ref.action === 'cancel') await revokeLinks(models, { initiativeId: ref.initiativeId }, 'initiative cancelled', now);
    },
  };
}

// Database side of the gate engine: the read model as gates are entered, climbed and finished.
// Every write is keyed so that a retried activity leaves the same result as one run.
import { isStalledLevel, LADDER_STEPS, type LadderStep } from '../domain/escalation.js';
import { decisionLadder, progressLadder } from '../domain/ladder.js';
import { responsiblePerson } from '../domain/gates.js';
import { hasValidGoalLink, NO_VALID_GOAL_LINK } from '../domain/goal-links.js';
import type { GateEntry, StepRef } from '../domain/exchange.js';
import type { BenefitOutcome, Gate, InitiativeKind, Status } from '../domain/types.js';
import { writeAudit } from './audit.js';
import type { ActivityDeps } from './deps.js';
import { eventsFor } from './events.js';
import { stepKey } from './keys.js';
import { loadInitiative, loadGoalFacts } from './loading.js';
import { policyFor } from './policies.js';
import { revokeOpenTokens } from './tokens.js';

/** What a gate step's ladder is: a progress cadence while implementation runs, none in follow-up. */
function ladderFor(ref: StepRef & { kind: InitiativeKind }, policy: Awaited<ReturnType<typeof policyFor>>, now: Date): LadderStep[] {
  if (ref.gate === 'implementation' && ref.step === 'decision') return ref.kind === 'project' ? progressLadder(policy, now) : [];
  if (ref.gate === 'benefit-realisation') return [];
  return decisionLadder(policy, now);
}

export function createGateActivities(deps: ActivityDeps) {
  const { models, clock } = deps;
  const events = eventsFor(deps);
  return {
    async enterGate(ref: StepRef & { kind: InitiativeKind }): Promise<GateEntry> {
      const now = clock();
      const initiative = await loadInitiative(models, ref.initiativeId);
      const ladder = ladderFor(ref, await policyFor(models, ref.gate), now);
      const inProgress = ref.gate === 'implementation' && ref.step === 'decision';
      const waitingOnId = responsiblePerson(initiative, ref.gate, ref.step);
      await models.Initiative.updateOne(
        { _id: ref.initiativeId },
        {
          gate: ref.gate,
          gateStep: ref.step,
          status: 'active',
          stalled: false,
          escalationLevel: 0,
          gateEnteredAt: now,
          gateDueAt: ladder[0] ? new Date(ladder[0].at) : null,
          waitingOnId,
          ...(inProgress ? { lastProgressAt: null } : {}),
        },
      );
      await writeAudit(models, {
        key: stepKey(ref, 'entered'),
        action: ref.step === 'confirmation' ? 'gate.confirmation-requested' : 'gate.entered',
        initiativeId: ref.initiativeId,
        actorId: null,
        channel: 'system',
        at: now,
        details: { gate: ref.gate, step: ref.step, round: ref.round, dueAt: ladder[0]?.at ?? null },
      });
      const requests = inProgress || ref.gate === 'benefit-realisation' ? ['started'] : ['request'];
      return { enteredAt: now.toISOString(), ladder, requests, waitingOnId };
    },

    /** Shows on the initiative why its workflow cannot go on (null: it can again). */
    async recordProblem(ref: { initiativeId: string; problem: string | null; key: string }): Promise<void> {
      await models.Initiative.updateOne({ _id: ref.initiativeId }, { $set: { problem: ref.problem } });
      await writeAudit(models, {
        key: ref.key,
        action: ref.problem ? 'initiative.problem' : 'initiative.problem-solved',
        initiativeId: ref.initiativeId,
        actorId: null,
        channel: 'system',
        at: clock(),
        details: { problem: ref.problem },
      });
    },

    async recordEscalation(ref: StepRef & { level: 1 | 2 | 3 }): Promise<void> {
      await models.Initiative.updateOne(
        { _id: ref.initiativeId, gate: ref.gate },
        { escalationLevel: ref.level, stalled: isStalledLevel(ref.level) },
      );
      await writeAudit(models, {
        key: stepKey(ref, `level-${ref.level}`),
        action: LADDER_STEPS[ref.level].audit,
        initiativeId: ref.initiativeId,
        actorId: null,
        channel: 'system',
        at: clock(),
        details: { gate: ref.gate, step: ref.step, level: ref.level },
      });
      if (isStalledLevel(ref.level)) await events.gateStalled(stepKey(ref, `level-${ref.level}`), clock(), ref);
    },

    async resetLadder(ref: { initiativeId: string; gateDueAt: string | null }): Promise<void> {
      await models.Initiative.updateOne(
        { _id: ref.initiativeId },
        { escalationLevel: 0, stalled: false, gateDueAt: ref.gateDueAt ? new Date(ref.gateDueAt) : null },
      );
    },

    /** What stops the gate step from being approved, as field → reason; null when nothing does. */
    async checkPreconditions(ref: { initiativeId: string; gate: Gate; step: string }): Promise<Record<string, string> | null> {
      const initiative = await loadInitiative(models, ref.initiativeId);
      const missing: Record<string, string> = {};
      if (ref.gate === 'goal-alignment' && !hasValidGoalLink(initiative.goalLinks, await loadGoalFacts(models, initiative.goalLinks.map((l) => l.goalId)))) {
        missing.goalLinks = NO_VALID_GOAL_LINK;
      }
      if (ref.gate === 'owner-signoff' && (await models.Benefit.countDocuments({ initiativeId: ref.initiativeId })) === 0) {
        missing.benefits = 'owner sign-off needs a benefit plan with at least one benefit';
      }
      if (ref.gate === 'implementation' && ref.step === 'decision' && initiative.changeAgentIds.length === 0) {
        missing.changeAgentIds = 'implementation cannot be approved before at least one change agent is assigned';
      }
      return Object.keys(missing).length ? missing : null;
    },

    async finishInitiative(ref: { initiativeId: string; status: Status; reason: string | null; benefitOutcome: BenefitOutcome | null }): Promise<void> {
      const now = clock();
      await models.Initiative.updateOne(
        { _id: ref.initiativeId },
        {
          status: ref.status,
          stalled: false,
          escalationLevel: 0,
          gateDueAt: null,
          waitingOnId: null,
          completedAt: now,
          ...(ref.benefitOutcome ? { benefitOutcome: ref.benefitOutcome } : {}),
        },
      );
      await writeAudit(models, {
        key: `${ref.initiativeId}:finished`,
        action: `initiative.${ref.status}`,
        initiativeId: ref.initiativeId,
        actorId: null,
        channel: 'system',
        at: now,
        details: { reason: ref.reason, benefitOutcome: ref.benefitOutcome },
      });
      await revokeOpenTokens(models, ref.initiativeId, `initiative ${ref.status}`, now, true);
      if (ref.status === 'completed') await events.initiativeCompleted(`${ref.initiativeId}:finished`, now, ref);
    },
  };
}

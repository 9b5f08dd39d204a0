// Database side of the gate engine: the read model as gates are entered, climbed and finished.
// Every write is keyed so that a retried activity leaves the same result as one run.
import type { BenefitOutcome, Gate, InitiativeKind, Status } from '../domain/types.js';
import type { LadderStep } from '../workflows/definitions.js';
import { writeAudit } from './audit.js';
import type { ActivityDeps } from './deps.js';
import { stepKey, type StepRef } from './keys.js';
import { decisionLadder, policyFor, progressLadder } from './ladder.js';
import { loadInitiative, responsibleField } from './people.js';
import { revokeOpenTokens } from './tokens.js';

export interface GateEntry {
  enteredAt: string;
  ladder: LadderStep[];
  /** Email purposes to send on entry (see emails.ts). */
  requests: string[];
}

export function createGateActivities({ models, clock }: ActivityDeps) {
  return {
    async enterGate(ref: StepRef & { kind: InitiativeKind }): Promise<GateEntry> {
      const now = clock();
      const initiative = await loadInitiative(models, ref.initiativeId);
      const policy = await policyFor(models, ref.gate);
      const inProgress = ref.gate === 'implementation' && ref.step === 'decision';
      let ladder: LadderStep[] = [];
      if (inProgress) ladder = ref.kind === 'project' ? progressLadder(policy, now) : [];
      else if (ref.gate !== 'benefit-realisation') ladder = decisionLadder(policy, now);

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
          waitingOnId: initiative[responsibleField(ref.gate, ref.step)],
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
      return { enteredAt: now.toISOString(), ladder, requests };
    },

    async recordEscalation(ref: StepRef & { level: number }): Promise<void> {
      const now = clock();
      await models.Initiative.updateOne(
        { _id: ref.initiativeId, gate: ref.gate },
        { escalationLevel: ref.level, stalled: ref.level >= 3 },
      );
      const action = ref.level === 1 ? 'gate.reminded' : ref.level === 2 ? 'gate.escalated' : 'gate.stalled';
      await writeAudit(models, {
        key: stepKey(ref, `level-${ref.level}`),
        action,
        initiativeId: ref.initiativeId,
        actorId: null,
        channel: 'system',
        at: now,
        details: { gate: ref.gate, step: ref.step, level: ref.level },
      });
    },

    async resetLadder(ref: { initiativeId: string; gateDueAt: string | null }): Promise<void> {
      await models.Initiative.updateOne(
        { _id: ref.initiativeId },
        { escalationLevel: 0, stalled: false, gateDueAt: ref.gateDueAt ? new Date(ref.gateDueAt) : null },
      );
    },

    async checkPreconditions(ref: { initiativeId: string; gate: Gate; step: string }): Promise<string | null> {
      const initiative = await loadInitiative(models, ref.initiativeId);
      if (ref.gate === 'goal-alignment') {
        const goals = await models.Goal.find({ _id: { $in: initiative.goalLinks.map((l) => l.goalId) }, active: true }).lean();
        const active = new Set(goals.map((g) => String(g._id)));
        const valid = initiative.goalLinks.filter((l) => active.has(l.goalId) && l.contribution >= 1 && l.contribution <= 3 && l.rationale?.trim());
        if (valid.length === 0) return 'goal alignment needs at least one active strategic goal linked with a contribution (1–3) and a rationale';
      }
      if (ref.gate === 'owner-signoff') {
        const benefits = await models.Benefit.countDocuments({ initiativeId: ref.initiativeId });
        if (benefits === 0) return 'owner sign-off needs a benefit plan with at least one benefit';
      }
      if (ref.gate === 'implementation' && ref.step === 'decision' && initiative.changeAgentIds.length === 0) {
        return 'implementation cannot be approved before at least one change agent is assigned';
      }
      return null;
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
      await revokeOpenTokens(models, ref.initiativeId, `initiative ${ref.status}`, now);
    },
  };
}

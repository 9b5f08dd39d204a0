// Database side of the gate engine: the read model as gates are entered, climbed and finished.
// Every write is keyed so that a retried activity leaves the same result as one run.
import { isStalledLevel, LADDER_STEPS, type LadderStep } from '../domain/escalation.js';
import { decisionLadder, progressLadder } from '../domain/ladder.js';
import { decidersOf, responsiblePerson } from '../domain/gates.js';
import { hasValidGoalLink, NO_VALID_GOAL_LINK } from '../domain/goal-links.js';
import type { GateEntry, Obstacles, StepRef } from '../domain/exchange.js';
import { openMandatoryItems, DEFAULT_CHECKLISTS, withEntry, type ChecklistEntry } from '../domain/checklists.js';
import { decisionBasisGaps } from '../domain/decision-basis.js';
import type { BenefitOutcome, Channel, ChecklistState, Gate, InitiativeKind, Status } from '../domain/types.js';
import type { Models } from '../store/models/index.js';
import { writeAudit } from './audit.js';
import type { ActivityDeps } from './deps.js';
import { eventsFor } from './events.js';
import { stepKey } from './keys.js';
import { loadBenefits, loadBoard, loadGoalFacts, loadInitiative } from './loading.js';
import { policyFor } from './policies.js';
import { revokeLinks } from './tokens.js';

/** What a gate step's ladder is: a progress cadence while implementation runs, none in follow-up or on hold. */
function ladderFor(ref: StepRef & { kind: InitiativeKind }, policy: Awaited<ReturnType<typeof policyFor>>, now: Date): LadderStep[] {
  if (ref.gate === 'implementation' && ref.step === 'decision') return ref.kind === 'project' ? progressLadder(policy, now) : [];
  if (ref.gate === 'benefit-realisation' || ref.step === 'hold') return [];
  return decisionLadder(policy, now);
}

/** The emails a gate step sends when it is entered (purposes of sendGateEmail). */
function requestsOf(ref: StepRef, awaitingPlan: boolean): string[] {
  if (ref.step === 'revision') return ['revision'];
  if (ref.step === 'hold') return [];
  if (ref.gate === 'benefit-realisation') return ['started'];
  // Implementation starts: the project manager reports progress, change agents prepare their
  // units, enthusiasts are asked for their view.
  if (ref.gate === 'implementation' && ref.step === 'decision') return ['started', 'readiness', 'comments'];
  return awaitingPlan ? ['plan-missing'] : ['request'];
}

/** The gate's mandatory checklist items still open on the initiative, as `checklist.<key>` → the item. */
async function openChecklistItems(models: Models, gate: Gate, entries: readonly ChecklistEntry[]): Promise<Record<string, string>> {
  const template = await models.Checklist.findById(gate).lean();
  const open = openMandatoryItems(template?.items ?? DEFAULT_CHECKLISTS[gate], entries, gate);
  return Object.fromEntries(open.map((item) => [`checklist.${item.key}`, item.text]));
}

export function createGateActivities(deps: ActivityDeps) {
  const { models, clock } = deps;
  const events = eventsFor(deps);
  return {
    async enterGate(ref: StepRef & { kind: InitiativeKind; holdUntil?: string | null }): Promise<GateEntry> {
      const now = clock();
      const initiative = await loadInitiative(models, ref.initiativeId);
      const [benefits, policy, board] = await Promise.all([
        ref.gate === 'owner-signoff' && ref.step === 'decision' ? loadBenefits(models, initiative) : null,
        policyFor(models, ref.gate),
        loadBoard(models, initiative.boardId),
      ]);
      // Owner sign-off without a benefit plan: the owner is asked once there is one.
      const awaitingPlan = benefits !== null && benefits.length === 0;
      const ladder = awaitingPlan ? [] : ladderFor(ref, policy, now);
      const inProgress = ref.gate === 'implementation' && ref.step === 'decision';
      const waitingOnIds = decidersOf(initiative, ref.gate, ref.step, board);
      const waitingOnId = responsiblePerson(initiative, ref.gate, ref.step) ?? waitingOnIds[0] ?? null;
      const readModel = models.Initiative.updateOne(
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
          waitingOnIds,
          holdUntil: ref.step === 'hold' && ref.holdUntil ? new Date(ref.holdUntil) : null,
          blockedReason: null,
          ...(inProgress ? { lastProgressAt: null } : {}),
        },
      );
      const audit = writeAudit(models, {
        key: stepKey(ref, 'entered'),
        action: ref.step === 'confirmation' ? 'gate.confirmation-requested' : 'gate.entered',
        initiativeId: ref.initiativeId,
        actorId: null,
        channel: 'system',
        at: now,
        details: { gate: ref.gate, step: ref.step, round: ref.round, dueAt: ladder[0]?.at ?? null },
      });
      await Promise.all([readModel, audit]);
      return { enteredAt: now.toISOString(), ladder, requests: requestsOf(ref, awaitingPlan), waitingOnId, waitingOnIds, awaitingPlan };
    },

    /** Shows on the initiative why its workflow cannot go on (null: it can again). */
    async recordProblem(ref: { initiativeId: string; problem: string | null; key: string }): Promise<void> {
      await models.Initiative.updateOne({ _id: ref.initiativeId }, { $set: { blockedReason: ref.problem } });
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

    /** What stops the gate step from being approved; null when nothing does. */
    async checkPreconditions(ref: { initiativeId: string; gate: Gate; step: string }): Promise<Obstacles | null> {
      const initiative = await loadInitiative(models, ref.initiativeId);
      const missing: Record<string, string> = {};
      if (ref.gate === 'goal-alignment' && !hasValidGoalLink(initiative.goalLinks, await loadGoalFacts(models, initiative.goalLinks.map((l) => l.goalId)))) {
        missing.goalLinks = NO_VALID_GOAL_LINK;
      }
      if (ref.gate === 'owner-signoff' && (await loadBenefits(models, initiative)).length === 0) {
        missing.benefits = 'owner sign-off needs a benefit plan with at least one benefit';
      }
      // Change agents carry the change into the units: one at least before implementation starts.
      if ((ref.gate === 'owner-signoff' || (ref.gate === 'implementation' && ref.step === 'decision')) && initiative.changeAgentIds.length === 0) {
        missing.changeAgentIds = 'implementation cannot start before at least one change agent is assigned';
      }
      const checklist = ref.step === 'confirmation' ? {} : await openChecklistItems(models, ref.gate, initiative.checklist);
      if (Object.keys(missing).length === 0 && Object.keys(checklist).length === 0) return null;
      return { missing, checklist };
    },

    /** What a draft's decision basis lacks before governance can be asked; null when it is complete. */
    async checkDecisionBasis(ref: { initiativeId: string }): Promise<Obstacles | null> {
      const initiative = await loadInitiative(models, ref.initiativeId);
      const goals = await loadGoalFacts(models, initiative.goalLinks.map((l) => l.goalId));
      const missing = decisionBasisGaps(initiative, goals, (await loadBenefits(models, initiative)).length);
      return Object.keys(missing).length ? { missing } : null;
    },

    async recordSubmission(ref: StepRef & { note: string; actorId: string | null; channel: Channel; fromDraft: boolean }): Promise<void> {
      const now = clock();
      await models.Initiative.updateOne(
        { _id: ref.initiativeId },
        // A draft is decided in this round; a resubmitted gate in the next.
        { $set: { submitNote: { text: ref.note, gate: ref.gate, round: ref.fromDraft ? ref.round : ref.round + 1 }, submittedAt: now, ...(ref.fromDraft ? { status: 'active' } : {}) } },
      );
      // The first submission keeps the event key of initiatives submitted at registration.
      await events.initiativeSubmitted(ref.initiativeId, ref.fromDraft ? 1 : ref.round + 1, now, ref);
      await writeAudit(models, {
        key: stepKey(ref, ref.fromDraft ? 'submitted' : 'resubmitted'),
        action: ref.fromDraft ? 'initiative.submitted' : 'gate.resubmitted',
        initiativeId: ref.initiativeId,
        actorId: ref.actorId,
        channel: ref.channel,
        at: now,
        details: { gate: ref.gate, note: ref.note },
      });
    },

    /** One item of a gate's checklist marked open, done or not relevant (the newest mark counts). */
    async setChecklistEntry(ref: { initiativeId: string; gate: Gate; key: string; status: ChecklistState; comment: string; actorId: string | null; channel: Channel; auditKey: string }): Promise<void> {
      const now = clock();
      const initiative = await loadInitiative(models, ref.initiativeId);
      const entry = { gate: ref.gate, key: ref.key, status: ref.status, comment: ref.comment, byId: ref.actorId, at: now };
      await models.Initiative.updateOne({ _id: ref.initiativeId }, { $set: { checklist: withEntry(initiative.checklist as ChecklistEntry[], entry) } });
      await writeAudit(models, {
        key: ref.auditKey,
        action: 'checklist.marked',
        initiativeId: ref.initiativeId,
        actorId: ref.actorId,
        channel: ref.channel,
        at: now,
        details: { gate: ref.gate, item: ref.key, status: ref.status, comment: ref.comment },
      });
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
      await revokeLinks(models, { initiativeId: ref.initiativeId }, `initiative ${ref.status}`, now);
      if (ref.status === 'completed') await events.initiativeCompleted(`${ref.initiativeId}:finished`, now, ref);
    },
  };
}

// The decision basis a project manager prepares before governance is asked (Prosjektveiviseren's
// beslutningsunderlag): need, goals, expected benefits, cost, risk, alternatives, privacy.
import { hasValidGoalLink, type GoalFacts, type GoalLink } from './goal-links.js';

export interface DecisionBasis {
  problem?: string | null;
  costEstimate?: { investment?: number | null; yearlyRunning?: number | null } | null;
  risk?: { level?: string | null; description?: string | null } | null;
  alternatives?: string | null;
  dpia?: string | null;
  goalLinks?: readonly GoalLink[] | null;
}

/** What is missing before a draft can be submitted, as field → what to add. */
export function decisionBasisGaps(basis: DecisionBasis, goals: ReadonlyMap<string, GoalFacts>, benefitCount: number): Record<string, string> {
  const gaps: Record<string, string> = {};
  if (!basis.problem?.trim()) gaps.problem = 'describe the problem or need the initiative answers';
  if (!hasValidGoalLink(basis.goalLinks ?? [], goals)) gaps.goalLinks = 'link at least one active strategic goal with a contribution and a rationale';
  if (benefitCount === 0) gaps.benefits = 'propose at least one expected benefit';
  const cost = basis.costEstimate;
  if (typeof cost?.investment !== 'number' || typeof cost?.yearlyRunning !== 'number') gaps.costEstimate = 'estimate the investment and the yearly running cost (NOK)';
  if (!basis.risk?.level) gaps['risk.level'] = 'assess the risk level';
  if (!basis.dpia) gaps.dpia = 'say whether a privacy impact assessment (DPIA) is needed';
  return gaps;
}

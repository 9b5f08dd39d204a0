// What makes a link from an initiative to a strategic goal valid, and what the links are worth.
export interface GoalLink {
  goalId: string;
  contribution: number;
  rationale?: string | null;
}

export interface GoalFacts {
  id: string;
  active: boolean;
  weight: number;
}

/** A link counts for goal alignment when its goal is active and it has a score (1–3) and a rationale. */
export function isValidGoalLink(link: GoalLink, goal: GoalFacts | undefined): boolean {
  return Boolean(goal?.active) && link.contribution >= 1 && link.contribution <= 3 && Boolean(link.rationale?.trim());
}

/** Goal alignment needs at least one valid link. */
export function hasValidGoalLink(links: readonly GoalLink[], goals: ReadonlyMap<string, GoalFacts>): boolean {
  return links.some((link) => isValidGoalLink(link, goals.get(link.goalId)));
}

export const NO_VALID_GOAL_LINK = 'goal alignment needs at least one active strategic goal linked with a contribution (1–3) and a rationale';

/** The portfolio ranks initiatives by the sum of contribution × goal weight over their links. */
export function priorityScore(links: readonly GoalLink[], goals: ReadonlyMap<string, GoalFacts>): number {
  return links.reduce((sum, link) => sum + link.contribution * (goals.get(link.goalId)?.weight ?? 0), 0);
}

/**
 * Field errors for a set of links being saved. A goal retired after the initiative was linked to
 * it stays acceptable on that initiative, so editing other fields does not force an unlink.
 */
export function goalLinkProblems(links: readonly GoalLink[], goals: ReadonlyMap<string, GoalFacts>, alreadyLinked: readonly string[] = []): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [i, link] of links.entries()) {
    const goal = goals.get(link.goalId);
    if (!goal) problems[`goalLinks.${i}.goalId`] = 'no such goal';
    else if (!goal.active && !alreadyLinked.includes(link.goalId)) problems[`goalLinks.${i}.goalId`] = 'the goal is not active';
  }
  if (new Set(links.map((l) => l.goalId)).size !== links.length) problems.goalLinks = 'each goal may be linked once';
  return problems;
}

// Goals from the municipal master plan form a tree: a sub-goal names its parent. The rules for
// that tree — no goal above itself, a period that runs forwards, what a goal's subtree holds —
// are here, once, for the API, its scoreboards and the console.

export interface GoalInTree {
  id: string;
  code?: string;
  parentId?: string | null;
}

export type GoalTree<T> = T & { children: GoalTree<T>[] };

/**
 * The chain that naming `parentId` as the parent of `goalId` would close into a loop
 * (`[goalId, parentId, …, goalId]`), or null when it closes none. `parentOf` is the tree as stored.
 */
export function cycleThrough(goalId: string, parentId: string, parentOf: ReadonlyMap<string, string | null | undefined>): string[] | null {
  const chain = [goalId];
  const seen = new Set<string>();
  for (let current: string | null | undefined = parentId; current; current = parentOf.get(current)) {
    chain.push(current);
    if (current === goalId) return chain;
    // A loop elsewhere (never stored by this API, but possible in old data) ends the walk.
    if (seen.has(current)) return null;
    seen.add(current);
  }
  return null;
}

/** Field errors of a goal's parent: it must be another goal, and not one below this goal. */
export function parentProblems(goalId: string | null, parentId: string | null | undefined, goals: ReadonlyMap<string, GoalInTree>): Record<string, string> {
  if (!parentId) return {};
  if (parentId === goalId) return { parentId: 'a goal cannot be its own parent' };
  if (!goals.has(parentId)) return { parentId: 'no such goal' };
  if (!goalId) return {};
  const parentOf = new Map([...goals].map(([id, goal]) => [id, goal.parentId]));
  const chain = cycleThrough(goalId, parentId, parentOf);
  if (!chain) return {};
  const names = chain.map((id) => goals.get(id)?.code ?? id);
  return { parentId: `would make a loop: ${names.join(' → ')}` };
}

/** A plan's period runs in whole years, forwards. */
export function periodProblems(goal: { periodFrom?: number | null; periodTo?: number | null }): Record<string, string> {
  const { periodFrom, periodTo } = goal;
  if (periodFrom != null && periodTo != null && periodTo < periodFrom) return { periodTo: `must not be before ${periodFrom}` };
  return {};
}

/**
 * Goals nested under their parents, in the order given. A goal whose parent is unknown is a top
 * goal; so is the first goal met of a loop, so that every goal appears exactly once.
 */
export function goalTree<T extends GoalInTree>(goals: readonly T[]): GoalTree<T>[] {
  const ids = new Set(goals.map((g) => g.id));
  const childrenOf = new Map<string, T[]>();
  for (const goal of goals) {
    if (goal.parentId && ids.has(goal.parentId) && goal.parentId !== goal.id) {
      childrenOf.set(goal.parentId, [...(childrenOf.get(goal.parentId) ?? []), goal]);
    }
  }
  const placed = new Set<string>();
  const build = (goal: T): GoalTree<T> => {
    placed.add(goal.id);
    const children = (childrenOf.get(goal.id) ?? []).filter((child) => !placed.has(child.id)).map(build);
    return { ...goal, children };
  };
  const roots = goals.filter((g) => !g.parentId || !ids.has(g.parentId) || g.parentId === g.id).map(build);
  for (const goal of goals) if (!placed.has(goal.id)) roots.push(build(goal));
  return roots;
}

/** Every goal of a tree, parents before their children. */
export function flattenTree<T>(roots: readonly GoalTree<T>[]): GoalTree<T>[] {
  return roots.flatMap((root) => [root, ...flattenTree(root.children)]);
}

/** The ids of a goal and of every goal below it (a goal cannot move under one of these). */
export function subtreeIds<T extends GoalInTree>(goals: readonly T[], goalId: string): Set<string> {
  const root = flattenTree(goalTree(goals)).find((goal) => goal.id === goalId);
  return new Set(root ? flattenTree([root]).map((goal) => goal.id) : [goalId]);
}

/**
 * What each goal's subtree holds: the distinct members (initiatives) linked to the goal or to any
 * goal below it. Distinct, so an initiative serving two sub-goals counts once for their parent.
 */
export function rollUp<T extends GoalInTree>(roots: readonly GoalTree<T>[], membersOf: (goalId: string) => Iterable<string>): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  const visit = (goal: GoalTree<T>): Set<string> => {
    const members = new Set(membersOf(goal.id));
    for (const child of goal.children) for (const member of visit(child)) members.add(member);
    result.set(goal.id, members);
    return members;
  };
  roots.forEach(visit);
  return result;
}

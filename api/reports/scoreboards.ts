// The benefit scoreboards: per service owner (the benefits each person owns) and per strategic
// goal, nested by parent and rolled up through the tree. One read per collection: on FerretDB
// every filter but `_id` scans anyway, and a municipality's portfolio is small.
import { goalTree, rollUp, type GoalTree } from '../../domain/goals.js';
import { gateCounts, tallyOf, type GoalScore, type OwnerScore } from '../../domain/scoreboard.js';
import type { Models } from '../../store/models/index.js';
import { loadPeople } from '../../store/lookups.js';

const BENEFIT_FIGURES = { initiativeId: 1, ownerId: 1, realised: 1, band: 1, nextMeasurementDue: 1, valuePerYear: 1, achievement: 1, realisedValuePerYear: 1 } as const;

export async function ownersScoreboard(models: Models, now = Date.now()): Promise<OwnerScore[]> {
  const benefits = await models.Benefit.find({}, BENEFIT_FIGURES).lean();
  const byOwner = new Map<string, typeof benefits>();
  for (const b of benefits) byOwner.set(b.ownerId, [...(byOwner.get(b.ownerId) ?? []), b]);
  const people = await loadPeople(models, [...byOwner.keys()]);
  return [...byOwner]
    .map(([ownerId, owned]) => ({ ownerId, ownerName: people.get(ownerId)?.name ?? '–', ...tallyOf(owned, now) }))
    .sort((a, b) => a.ownerName.localeCompare(b.ownerName, 'nb'));
}

export async function goalsScoreboard(models: Models, now = Date.now()): Promise<GoalScore[]> {
  const [goals, initiatives, benefits] = await Promise.all([
    models.Goal.find({}).sort({ code: 1 }).lean(),
    models.Initiative.find({ status: { $ne: 'cancelled' } }, { goalIds: 1, gate: 1, status: 1 }).lean(),
    models.Benefit.find({}, BENEFIT_FIGURES).lean(),
  ]);
  const initiativeById = new Map(initiatives.map((i) => [String(i._id), i]));
  const linkedTo = new Map<string, string[]>();
  for (const initiative of initiatives) for (const goalId of initiative.goalIds) linkedTo.set(goalId, [...(linkedTo.get(goalId) ?? []), String(initiative._id)]);
  const benefitsOf = new Map<string, typeof benefits>();
  for (const b of benefits) benefitsOf.set(b.initiativeId, [...(benefitsOf.get(b.initiativeId) ?? []), b]);
  const owners = await loadPeople(models, goals.map((g) => g.ownerId));

  const tree = goalTree(goals.map((g) => ({ id: String(g._id), parentId: g.parentId ?? null })));
  const served = rollUp(tree, (goalId) => linkedTo.get(goalId) ?? []);
  const byId = new Map(goals.map((g) => [String(g._id), g]));

  const row = (node: GoalTree<{ id: string }>): GoalScore => {
    const goal = byId.get(node.id)!;
    const ids = [...(served.get(node.id) ?? [])];
    return {
      goalId: node.id,
      code: goal.code,
      title: goal.title,
      active: goal.active,
      plan: goal.plan ?? '',
      periodFrom: goal.periodFrom ?? null,
      periodTo: goal.periodTo ?? null,
      parentId: goal.parentId ?? null,
      ownerId: goal.ownerId ?? null,
      ownerName: goal.ownerId ? owners.get(goal.ownerId)?.name ?? null : null,
      initiatives: ids.length,
      ...gateCounts(ids.map((id) => initiativeById.get(id)!)),
      ...tallyOf(ids.flatMap((id) => benefitsOf.get(id) ?? []), now),
      children: node.children.map(row),
    };
  };
  return tree.map(row);
}

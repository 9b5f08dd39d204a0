// Reads several parts need: goals in the shape the goal-link rules take, people by id, boards.
import type { Board } from '../domain/gates.js';
import type { GoalFacts } from '../domain/goal-links.js';
import type { Models } from './models/index.js';

export async function loadGoalFacts(models: Models, goalIds: string[]): Promise<Map<string, GoalFacts>> {
  const goals = goalIds.length ? await models.Goal.find({ _id: { $in: goalIds } }).lean() : [];
  return new Map(goals.map((g) => [String(g._id), { id: String(g._id), active: g.active, weight: g.weight }]));
}

export async function loadPeople(models: Models, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const people = wanted.length ? await models.Person.find({ _id: { $in: wanted } }).lean() : [];
  return new Map(people.map((p) => [String(p._id), p]));
}

/** The board an initiative names, in the shape the gate rules take. */
export async function loadBoard(models: Models, boardId: string | null | undefined): Promise<Board | null> {
  if (!boardId) return null;
  const board = await models.Board.findById(boardId).lean();
  return board ? { id: String(board._id), chairId: board.chairId, memberIds: board.memberIds } : null;
}

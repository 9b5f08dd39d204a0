// Reads several parts need: goals in the shape the goal-link rules take, people by id, boards.
import { deputyAt, type Board } from '../domain/gates.js';
import type { GoalFacts } from '../domain/goal-links.js';
import { isValidObjectId } from 'mongoose';
import type { Models } from './models/index.js';

/** Goals by id (each by `_id`), with what the goal-link rules and emails need of them. */
export async function loadGoalFacts(models: Models, goalIds: string[]): Promise<Map<string, GoalFacts & { code: string; title: string }>> {
  const wanted = [...new Set(goalIds.filter((id) => isValidObjectId(id)))];
  const goals = (await Promise.all(wanted.map((id) => models.Goal.findById(id).lean()))).filter((g) => g !== null);
  return new Map(goals.map((g) => [String(g!._id), { id: String(g!._id), active: g!.active, weight: g!.weight, code: g!.code, title: g!.title }]));
}

/** People by id, each looked up by `_id` (an `$in` would scan the collection on the embedded database). */
export async function loadPeople(models: Models, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id) && isValidObjectId(id)))];
  const people = await Promise.all(wanted.map((id) => models.Person.findById(id).lean()));
  return new Map(people.filter((p) => p !== null).map((p) => [String(p!._id), p!]));
}

/** The board an initiative names, in the shape the gate rules take. */
export async function loadBoard(models: Models, boardId: string | null | undefined): Promise<Board | null> {
  if (!boardId) return null;
  const board = await models.Board.findById(boardId).lean();
  return board ? { id: String(board._id), chairId: board.chairId, memberIds: board.memberIds } : null;
}

/**
 * An initiative's benefits, by the ids the initiative keeps (`benefitIds`, written by its
 * workflow), each found by `_id`; an initiative from before it kept them is searched by field.
 */
export async function loadBenefits(models: Models, initiative: { _id: unknown; benefitIds?: string[] | null }, { withWithdrawn = false } = {}) {
  const benefits = Array.isArray(initiative.benefitIds)
    ? (await Promise.all(initiative.benefitIds.map((id) => models.Benefit.findById(id).lean()))).filter((b) => b !== null).map((b) => b!)
    : await models.Benefit.find({ initiativeId: String(initiative._id) }).lean();
  return withWithdrawn ? benefits : benefits.filter((b) => !b.withdrawn);
}

/**
 * The people who are away now and name this person as their deputy. Asked once when the console
 * loads, not on a hot path, so it may filter by a field over the (small) people collection.
 */
export async function standingInFor(models: Models, personId: string, at: Date): Promise<string[]> {
  const named = await models.Person.find({ 'absences.deputyId': personId }, { absences: 1 }).lean();
  return named.filter((person) => deputyAt(person, at) === personId).map((person) => String(person._id));
}

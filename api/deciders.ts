// Who may decide a gate step of an initiative now: the rule is domain/gates.ts `mayDecide`; this
// loads what it needs (the initiative's board, and the deciders' absences for their deputies).
import { decidersOf, deputyAt, mayDecide, type Actor, type Parties } from '../domain/gates.js';
import type { Gate, GateStep } from '../domain/types.js';
import { loadBoard, loadPeople } from '../store/lookups.js';
import type { Models } from '../store/models/index.js';

export async function mayDecideNow(models: Models, actor: Actor, initiative: Parties, gate: Gate, step: GateStep): Promise<boolean> {
  const board = await loadBoard(models, initiative.boardId);
  const deciders = await loadPeople(models, decidersOf(initiative, gate, step, board));
  const now = new Date();
  return mayDecide(actor, initiative, gate, step, board, (personId) => deputyAt(deciders.get(personId), now));
}

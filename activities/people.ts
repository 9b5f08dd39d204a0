// Who is responsible for a gate step, and who hears about it when they do not act.
import type { Models } from '../store/models/index.js';
import type { Gate } from '../domain/types.js';
import type { GateStep } from '../workflows/definitions.js';

type InitiativeRefs = {
  projectManagerId: string;
  serviceOwnerId: string;
  governanceId: string;
};

export type ResponsibleField = keyof InitiativeRefs;

export function responsibleField(gate: Gate, step: GateStep): ResponsibleField {
  if (gate === 'goal-alignment') return 'governanceId';
  if (gate === 'implementation' && step === 'decision') return 'projectManagerId';
  return 'serviceOwnerId';
}

export async function loadPeople(models: Models, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const people = await models.Person.find({ _id: { $in: wanted } }).lean();
  return new Map(people.map((p) => [String(p._id), p]));
}

export async function loadInitiative(models: Models, initiativeId: string) {
  const initiative = await models.Initiative.findById(initiativeId).lean();
  if (!initiative) throw new Error(`initiative ${initiativeId} not found`);
  return initiative;
}

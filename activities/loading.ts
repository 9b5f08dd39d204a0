// Reads the activities share: one initiative, a set of people, the goals it links to.
import type { Models } from '../store/models/index.js';

export { loadBenefits, loadBoard, loadGoalFacts, loadPeople } from '../store/lookups.js';

export async function loadInitiative(models: Models, initiativeId: string) {
  const initiative = await models.Initiative.findById(initiativeId).lean();
  if (!initiative) throw new Error(`initiative ${initiativeId} not found`);
  return initiative;
}

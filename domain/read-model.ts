// Fields the workflow keeps up to date on its documents. Users never write them: a PUT that
// carries them (react-admin sends whole records) has them dropped, and the console shows them
// read-only.
export const INITIATIVE_READ_MODEL = [
  'gate', 'gateStep', 'status', 'stalled', 'escalationLevel', 'gateEnteredAt', 'gateDueAt', 'waitingOnId', 'progressPercent',
  'lastProgressAt', 'priorityScore', 'workflowId', 'benefitOutcome', 'completedAt', 'goalIds', 'blockedReason', 'waitingOnIds', 'holdUntil', 'checklist', 'submittedAt', 'submitNote', 'benefitIds',
] as const;

export const BENEFIT_READ_MODEL = [
  'latestValue', 'latestMeasuredAt', 'achievement', 'band', 'onTrack', 'realised', 'nextMeasurementDue', 'followUpStartedAt', 'realisedValuePerYear',
] as const;

/** Kept by the server on every record. */
export const SERVER_FIELDS = ['id', '_id', '__v', 'createdAt', 'updatedAt'] as const;

/** A benefit's record of accepted plan versions and of its harvest: written by the workflow only. */
export const BENEFIT_PLAN_RECORD = ['version', 'acceptedVersion', 'acceptedAt', 'versions', 'withdrawn', 'harvest', 'targetStreak', 'recentMeasurements'] as const;

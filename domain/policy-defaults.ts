// Escalation policies used until an administrator changes them (stored in `policies`).
import type { CalendarMode, Gate } from './types.js';

export interface PolicyValues {
  remindAfter: string;
  escalateAfter: string;
  stalledAfter: string;
  calendar: CalendarMode;
  reportEvery: string | null;
  offTrackTolerance: number;
}

export const DEFAULT_POLICIES: Record<Gate, PolicyValues> = {
  'goal-alignment': { remindAfter: 'P5D', escalateAfter: 'P10D', stalledAfter: 'P15D', calendar: 'working-days', reportEvery: null, offTrackTolerance: 0.1 },
  'owner-signoff': { remindAfter: 'P3D', escalateAfter: 'P6D', stalledAfter: 'P10D', calendar: 'working-days', reportEvery: null, offTrackTolerance: 0.1 },
  implementation: { remindAfter: 'P3D', escalateAfter: 'P6D', stalledAfter: 'P10D', calendar: 'working-days', reportEvery: 'P10D', offTrackTolerance: 0.1 },
  'benefit-realisation': { remindAfter: 'P5D', escalateAfter: 'P10D', stalledAfter: 'P20D', calendar: 'working-days', reportEvery: null, offTrackTolerance: 0.1 },
};

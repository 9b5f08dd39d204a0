// Where an initiative stands, in the terms of domain/edits.ts, and what that allows now.
import { initiativeEditRefusal, type EditRefusal, type Position } from '@domain/edits';
import type { GateStep } from '@domain/types';
import type { Initiative } from '../shared/types';

export const stepOf = (initiative: Pick<Initiative, 'gateStep'>): GateStep => initiative.gateStep ?? 'decision';

export const positionOf = (initiative: Pick<Initiative, 'status' | 'gate' | 'gateStep'>): Position => ({
    status: initiative.status,
    gate: initiative.gate,
    step: stepOf(initiative),
});

/** Why `field` cannot change at the initiative's current gate step, or null when it can. */
export const editRefusalFor = (initiative: Initiative, field: string): EditRefusal | null =>
    initiativeEditRefusal(positionOf(initiative), [field]);

/** The rule module refuses every change once the initiative is no longer active. */
export const isClosed = (initiative: Initiative) => initiativeEditRefusal(positionOf(initiative), [])?.reason === 'not-active';

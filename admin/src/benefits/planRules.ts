// What domain/gates.ts and domain/edits.ts allow this user on a benefit plan, given the
// initiative it belongs to: who may change it, and what the service owner's acceptance locks.
import { useGetOne } from 'react-admin';
import { benefitEditRefusal, type BenefitOperation, type EditRefusal } from '@domain/edits';
import { mayEditBenefitPlan, mayRecordMeasurement, type Actor } from '@domain/gates';
import { positionOf } from '../initiatives/position';
import { useRoles } from '../shared/useRoles';
import type { Benefit, Initiative } from '../shared/types';

export interface PlanRules {
    /** May add a benefit to the plan now. */
    mayCreate: boolean;
    mayEdit: boolean;
    mayDelete: boolean;
    mayMeasure: (benefit: Pick<Benefit, 'ownerId'>) => boolean;
    /** Why this field of a benefit cannot change now, or null. */
    lockOf: (field: string) => EditRefusal | null;
}

const NOTHING: PlanRules = { mayCreate: false, mayEdit: false, mayDelete: false, mayMeasure: () => false, lockOf: () => null };

export const planRules = (actor: Actor | undefined, initiative: Initiative | undefined): PlanRules => {
    if (!actor || !initiative) return NOTHING;
    const position = positionOf(initiative);
    // After sign-off a change to the plan is sent as a plan change for the service owner (202), not refused.
    const refusal = (operation: BenefitOperation, fields: string[] = []) => benefitEditRefusal(position, operation, fields, true);
    const editor = mayEditBenefitPlan(actor, initiative);
    return {
        mayCreate: editor && !refusal('create'),
        mayEdit: editor && !refusal('update'),
        mayDelete: editor && !refusal('delete'),
        mayMeasure: benefit => mayRecordMeasurement(actor, benefit, initiative),
        lockOf: field => refusal('update', [field]),
    };
};

/** The rules for the benefit plan of `initiativeId` (loaded when not at hand). */
export const usePlanRules = (initiativeId: string | undefined, known?: Initiative) => {
    const { actor } = useRoles();
    const { data } = useGetOne<Initiative>('initiatives', { id: initiativeId ?? '' }, { enabled: !known && !!initiativeId });
    const initiative = known ?? data;
    return { initiative, ...planRules(actor, initiative) };
};

// What domain/ lets the signed-in user do on one initiative now, with its board loaded: decide a
// gate, (re)submit, keep the checklist, close conditions, answer plan changes and reviews, say a
// unit's readiness. A deputy decides for the people the API says they stand in for today.
import { useGetManyAggregate } from 'react-admin';
import { awaitsSubmission, mayDecide, maySubmit } from '@domain/gates';
import { mayCloseCondition } from '@domain/conditions';
import { mayAnswerPlanChange, mayDecideReview, mayRecordHarvest, maySayReadiness, takesComments } from '@domain/respondents';
import type { Gate, GateStep } from '@domain/types';
import { useRoles } from '../shared/useRoles';
import type { Board, Condition, Initiative } from '../shared/types';

/** One record by id, batched with the other rows of a list that ask for the same resource. */
export const useRecordById = <T extends { id: string }>(resource: string, id: string | null | undefined) => {
    const { data } = useGetManyAggregate<T>(resource, { ids: id ? [id] : [] }, { enabled: Boolean(id) });
    return data?.[0];
};

export const useInitiativeRules = (initiative: Initiative | undefined) => {
    const { actor, isAdmin, standingInFor } = useRoles();
    const board = useRecordById<Board>('boards', initiative?.boardId);
    const known = actor && initiative ? { actor, initiative } : null;
    const open = Boolean(initiative && (initiative.status === 'active' || initiative.status === 'draft'));
    const deputyOf = (personId: string) => (actor && standingInFor.includes(personId) ? actor.id : null);
    const mayDecideAt = (gate: Gate, step: GateStep = 'decision') => Boolean(known && mayDecide(known.actor, known.initiative, gate, step, board, deputyOf));
    return {
        actor,
        board,
        mayDecideAt,
        maySubmit: Boolean(known && awaitsSubmission(known.initiative) && maySubmit(known.actor, known.initiative)),
        /** The project manager prepares the checklist; the gate's decider may mark it too. */
        mayKeepChecklist: (gate: Gate) => open && Boolean(known && (maySubmit(known.actor, known.initiative) || mayDecideAt(gate))),
        mayClose: (condition: Condition, status: 'met' | 'waived') =>
            open && condition.status === 'open' && Boolean(actor && mayCloseCondition(status, actor.id, isAdmin, condition, mayDecideAt(condition.gate))),
        mayAnswerPlanChange: initiative?.status === 'active' && Boolean(known && mayAnswerPlanChange(known.actor, known.initiative, deputyOf)),
        mayDecideReview: initiative?.status === 'active' && Boolean(known && mayDecideReview(known.actor, known.initiative, board)),
        mayRecordHarvest: (benefit: { ownerId?: string | null }) => Boolean(known && mayRecordHarvest(known.actor, benefit, known.initiative)),
        maySayReadiness: initiative?.status === 'active' && Boolean(known && maySayReadiness(known.actor, known.initiative)),
        mayComment: Boolean(actor && initiative && takesComments(initiative)),
    };
};

export type InitiativeRules = ReturnType<typeof useInitiativeRules>;

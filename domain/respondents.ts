// Who answers the records a decision leaves behind: a plan change, a benefit review, a realised
// benefit's harvest and a unit's readiness. The console draws its buttons by these rules; the
// API's routes (api/routes/governance.ts, api/resources/governance.ts) check the same people.
import { governanceOf, isAdministrator, mayReportProgress, type Actor, type Board, type Parties } from './gates.js';

/** Who stands in for a person right now (domain/gates.ts `deputyAt` over what the caller can see). */
export type DeputyOf = (personId: string) => string | null;

const noDeputy: DeputyOf = () => null;

/** A plan change is the service owner's to accept or reject (their deputy's while they are away). */
export function mayAnswerPlanChange(actor: Actor, initiative: Parties, deputyOf: DeputyOf = noDeputy): boolean {
  if (isAdministrator(actor) || actor.id === initiative.serviceOwnerId) return true;
  return Boolean(initiative.serviceOwnerId) && deputyOf(initiative.serviceOwnerId!) === actor.id;
}

/** Benefit reviews after closure are decided by governance: the board's members and the governance person. */
export const mayDecideReview = (actor: Actor, initiative: Parties, board?: Board | null) =>
  isAdministrator(actor) || governanceOf(initiative, board).includes(actor.id);

/** How a realised benefit was taken out is said by its owner or the service owner (or their deputy). */
export const mayRecordHarvest = (actor: Actor, benefit: { ownerId?: string | null }, initiative: Parties, deputyOf: DeputyOf = noDeputy) =>
  actor.id === benefit.ownerId || mayAnswerPlanChange(actor, initiative, deputyOf);

/** A unit's readiness is said by the initiative's change agents or its project manager. */
export const maySayReadiness = (actor: Actor, initiative: Parties) => mayReportProgress(actor, initiative);

/** Everyone may speak up on an initiative that is being prepared or is under way. */
export const takesComments = (initiative: { status: string }) => initiative.status === 'draft' || initiative.status === 'active';

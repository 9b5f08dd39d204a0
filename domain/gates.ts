// Who is responsible for each gate step, and who may act on an initiative. The API enforces
// these rules, the activities address emails by them and the console shapes its buttons by them.
import type { Gate, GateStep, Role, Status } from './types.js';

/** The initiative's fields that name a person responsible for a gate step. */
export type PartyField = 'projectManagerId' | 'serviceOwnerId' | 'governanceId';

export interface Parties {
  projectManagerId?: string | null;
  serviceOwnerId?: string | null;
  governanceId?: string | null;
  boardId?: string | null;
  changeAgentIds?: readonly string[] | null;
  enthusiastIds?: readonly string[] | null;
}

export interface Actor {
  id: string;
  roles: readonly Role[] | readonly string[];
}

export const isAdministrator = (actor: Pick<Actor, 'roles'> | null | undefined) => Boolean(actor?.roles.includes('admin'));

/**
 * Whose turn it is in a gate step: governance decides goal alignment, the service owner signs
 * off, the project manager carries implementation until the service owner confirms go-live, and
 * the service owner answers for benefit realisation. A gate sent back for revision waits for the
 * project manager; one on hold belongs to its decider.
 */
export function responsibleField(gate: Gate, step: GateStep): PartyField {
  if (step === 'revision') return 'projectManagerId';
  if (gate === 'goal-alignment') return 'governanceId';
  if (gate === 'implementation' && step === 'decision') return 'projectManagerId';
  return 'serviceOwnerId';
}

export function responsiblePerson(initiative: Parties, gate: Gate, step: GateStep): string | null {
  return initiative[responsibleField(gate, step)] ?? null;
}

/** A steering group or portfolio board: any member or the chair records its decision. */
export interface Board {
  id: string;
  chairId?: string | null;
  memberIds: readonly string[];
}

export const boardMembers = (board: Board) => [...new Set([board.chairId, ...board.memberIds].filter((id): id is string => Boolean(id)))];

/**
 * Who may decide a gate step: at goal alignment the board (when the initiative names one) and the
 * named governance person; otherwise the one person the step waits for.
 */
export function decidersOf(initiative: Parties, gate: Gate, step: GateStep, board?: Board | null): string[] {
  const person = responsiblePerson(initiative, gate, step);
  const fromBoard = gate === 'goal-alignment' && step !== 'revision' && board ? boardMembers(board) : [];
  return [...new Set([...fromBoard, ...(person ? [person] : [])])];
}

/** Governance in the wide sense: who hears of escalations and stalled gates. */
export function governanceOf(initiative: Parties, board?: Board | null): string[] {
  return [...new Set([...(board ? boardMembers(board) : []), ...(initiative.governanceId ? [initiative.governanceId] : [])])];
}

export interface Absence {
  from: Date | string;
  to: Date | string;
  deputyId: string;
}

/** The deputy acting for a person at a moment, if they are away then. */
export function deputyAt(person: { absences?: readonly Absence[] | null } | null | undefined, at: Date): string | null {
  const absence = person?.absences?.find((a) => new Date(a.from).getTime() <= at.getTime() && at.getTime() <= new Date(a.to).getTime());
  return absence?.deputyId ?? null;
}

/** Benefit realisation passes on its measurements; only an administrator's skip moves it. */
export const isDecidable = (gate: Gate) => gate !== 'benefit-realisation';

/**
 * A gate decision is taken by the person the initiative names for the step (a member of its board
 * at goal alignment), by the deputy of one who is away, or by an administrator. The project
 * manager resubmits a revision; nobody decides it.
 */
export function mayDecide(actor: Actor, initiative: Parties, gate: Gate, step: GateStep, board?: Board | null, deputyOf: (personId: string) => string | null = () => null): boolean {
  if (!isDecidable(gate) || step === 'revision') return false;
  if (isAdministrator(actor)) return true;
  return decidersOf(initiative, gate, step, board).some((decider) => decider === actor.id || deputyOf(decider) === actor.id);
}

/** Resubmitting a draft or a revision is the project manager's (or an administrator's). */
export const maySubmit = (actor: Actor, initiative: Parties) => isAdministrator(actor) || actor.id === initiative.projectManagerId;

/** The project manager, a change agent of the initiative, or an administrator reports progress. */
export function mayReportProgress(actor: Actor, initiative: Parties): boolean {
  return isAdministrator(actor) || actor.id === initiative.projectManagerId || Boolean(initiative.changeAgentIds?.includes(actor.id));
}

/** The benefit's owner, the service owner, the project manager or an administrator. */
export function mayRecordMeasurement(actor: Actor, benefit: { ownerId?: string | null }, initiative: Parties): boolean {
  return isAdministrator(actor) || [benefit.ownerId, initiative.serviceOwnerId, initiative.projectManagerId].includes(actor.id);
}

/** The initiative's own fields: its project manager or an administrator. */
export function mayEditInitiative(actor: Actor, initiative: Parties): boolean {
  return isAdministrator(actor) || actor.id === initiative.projectManagerId;
}

/** The benefit plan: the project manager proposes it, the service owner owns it. */
export function mayEditBenefitPlan(actor: Actor, initiative: Parties): boolean {
  return isAdministrator(actor) || actor.id === initiative.projectManagerId || actor.id === initiative.serviceOwnerId;
}

/** Everyone named on the initiative, for "takes part in" checks. */
export function participants(initiative: Parties): string[] {
  return [
    initiative.projectManagerId,
    initiative.serviceOwnerId,
    initiative.governanceId,
    ...(initiative.changeAgentIds ?? []),
    ...(initiative.enthusiastIds ?? []),
  ].filter((id): id is string => Boolean(id));
}

/** The role a person needs to be named in each party field of an initiative. */
export const PARTY_ROLES = {
  projectManagerId: 'project-manager',
  serviceOwnerId: 'service-owner',
  governanceId: 'governance',
  changeAgentIds: 'change-agent',
  enthusiastIds: 'enthusiast',
} as const satisfies Record<PartyField | 'changeAgentIds' | 'enthusiastIds', Role>;

/** Where an initiative is: enough to say what it takes now. */
export interface Standing {
  status: Status;
  gate: Gate;
  gateStep?: GateStep | null;
}

/** A decision is taken on an active initiative whose gate is decided by a person. */
export const awaitsDecision = (initiative: Standing) =>
  initiative.status === 'active' && isDecidable(initiative.gate) && initiative.gateStep !== 'revision';

/** A draft or a gate sent back for revision waits for the project manager to (re)submit. */
export const awaitsSubmission = (initiative: Standing) => initiative.status === 'draft' || (initiative.status === 'active' && initiative.gateStep === 'revision');

/** Progress is reported while implementation is under way (before the service owner confirms go-live). */
export const takesProgress = (initiative: Standing) =>
  initiative.status === 'active' && initiative.gate === 'implementation' && (initiative.gateStep ?? 'decision') === 'decision';

/** An initiative leaves the portfolio only once it is over, and only by an administrator. */
export const mayDeleteInitiative = (actor: Pick<Actor, 'roles'>, initiative: Pick<Standing, 'status'>) => isAdministrator(actor) && initiative.status !== 'active';

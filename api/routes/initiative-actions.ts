// Decisions, progress reports and admin actions on an initiative. Each goes to the workflow as
// an update, so the workflow decides what is valid; the answer is the new read model.
import { Router, type Request } from 'express';
import { isValidObjectId, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { z } from 'zod';
import { isUsableAccount } from '../../domain/accounts.js';
import { DEFAULT_CHECKLISTS } from '../../domain/checklists.js';
import { maySubmit, mayReportProgress, PARTY_ROLES, responsibleField } from '../../domain/gates.js';
import type { GateStep } from '../../domain/types.js';
import type { initiativeSchema } from '../../store/models/portfolio.js';
import { currentUser, requireAuth, requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { originOf } from '../request.js';
import { mayDecideNow } from '../deciders.js';
import { adminBody, checklistMarkBody, decisionBody, progressBody, submitBody } from '../schemas.js';
import { parseBody } from '../validation.js';

type Initiative = HydratedDocument<InferSchemaType<typeof initiativeSchema>>;

export function createInitiativeActionsRouter(context: AppContext): Router {
  const { models } = context.db;
  const { workflows } = context;
  const router = Router();

  async function load(req: Request): Promise<Initiative> {
    const id = String(req.params.id);
    const initiative = isValidObjectId(id) ? await models.Initiative.findById(id) : null;
    if (!initiative) throw notFound('initiative');
    return initiative;
  }

  /**
   * One action route: validate the body, check that the caller may act on this initiative, send
   * the update to the workflow, and answer with the read model after it.
   */
  function action<T>(path: string, schema: z.ZodType<T>, check: (req: Request, initiative: Initiative, body: T) => Promise<void> | void, send: (initiative: Initiative, body: T, req: Request) => Promise<unknown>) {
    router.post(`/:id/${path}`, requireAuth, async (req, res) => {
      const body = parseBody(schema, req.body);
      const initiative = await load(req);
      await check(req, initiative, body);
      await send(initiative, body, req);
      res.json((await models.Initiative.findById(initiative._id))!.toJSON());
    });
  }

  const stepOf = (initiative: Initiative, body: { gate: string; step?: GateStep }) =>
    body.step ?? (body.gate === initiative.gate ? initiative.gateStep ?? 'decision' : 'decision');

  action(
    'decisions',
    decisionBody,
    async (req, initiative, body) => {
      const step = stepOf(initiative, body);
      // Whether the gate can be decided right now (not while it is back for revision) is the
      // workflow's answer (409); the role check asks who decides the gate's decision step.
      const deciding = step === 'revision' || step === 'hold' ? 'decision' : step;
      if (!(await mayDecideNow(models, currentUser(req), initiative, body.gate, deciding))) {
        throw forbidden(`your role may not decide ${body.gate}${step === 'confirmation' ? ' (confirmation)' : ''} for this initiative`);
      }
    },
    (initiative, body, req) =>
      workflows.decide(String(initiative._id), {
        ...body,
        until: body.until?.toISOString(),
        conditions: body.conditions?.map((c) => (typeof c === 'string' ? c : { ...c, dueAt: c.dueAt?.toISOString() })),
        step: stepOf(initiative, body),
        ...originOf(req),
      }),
  );

  action(
    'submit',
    submitBody,
    (req, initiative, body) => {
      if (!maySubmit(currentUser(req), initiative)) throw forbidden("only the initiative's project manager or an administrator submits it");
      if (initiative.status === 'active' && initiative.gateStep === 'revision' && !body.note.trim()) throw invalid({ note: 'say what changed since the revision was asked for' });
    },
    (initiative, body, req) => workflows.submit(String(initiative._id), { ...body, ...originOf(req) }),
  );

  action(
    'checklist',
    checklistMarkBody,
    async (req, initiative, body) => {
      const items = (await models.Checklist.findById(body.gate).lean())?.items ?? DEFAULT_CHECKLISTS[body.gate];
      if (!items.some((item) => item.key === body.key)) throw invalid({ key: `the ${body.gate} checklist has no item ${body.key}` });
      const actor = currentUser(req);
      const preparing = maySubmit(actor, initiative);
      if (!preparing && !(await mayDecideNow(models, actor, initiative, body.gate, 'decision'))) {
        throw forbidden("the checklist is kept by the project manager, the gate's decider or an administrator");
      }
    },
    (initiative, body, req) => workflows.markChecklist(String(initiative._id), { ...body, ...originOf(req) }),
  );

  action(
    'progress',
    progressBody,
    (req, initiative) => {
      if (!mayReportProgress(currentUser(req), initiative)) throw forbidden('only the project manager, a change agent of the initiative or an administrator may report progress');
    },
    (initiative, body, req) => workflows.reportProgress(String(initiative._id), { ...body, ...originOf(req) }),
  );

  router.post('/:id/admin', requireRole('admin'));
  action(
    'admin',
    adminBody,
    async (_req, initiative, body) => {
      if (body.action !== 'reassign') return;
      if (!body.personId) throw invalid({ personId: 'reassign needs the person who takes over' });
      const person = isValidObjectId(body.personId) ? await models.Person.findById(body.personId).lean() : null;
      if (!person) throw invalid({ personId: 'no such person' });
      // The new person must be able to do what the step asks of them.
      const role = PARTY_ROLES[responsibleField(initiative.gate, initiative.gateStep ?? 'decision')];
      if (!person.roles.includes(role) || !isUsableAccount(person)) throw invalid({ personId: `must be an active person with the ${role} role` });
    },
    (initiative, body, req) => workflows.admin(String(initiative._id), { ...body, ...originOf(req) }),
  );

  router.get('/:id/workflow', requireAuth, async (req, res) => {
    const initiative = await load(req);
    res.json(await workflows.state(String(initiative._id)));
  });

  return router;
}

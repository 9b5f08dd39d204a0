// A react-admin simple-REST router for one resource: list with Content-Range, get one, and
// create/update/delete through hooks that validate and authorise. Who may do what comes from
// domain/access.ts (the console asks the same module); hooks add object-level checks.
import { Router, type Request } from 'express';
import { isValidObjectId, type Model } from 'mongoose';
import { DIRECTORY_FIELDS, isOperationOffered, scopeOf, type Operation, type ResourceName } from '../../domain/access.js';
import { currentUser, requireAuth } from '../auth/middleware.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { parseListQuery, type ListSpec } from './list-query.js';

type Doc = { toJSON(): Record<string, unknown>; _id: unknown };

/** A change that waits for someone (a plan change for the service owner): answered 202 with what waits. */
export interface Accepted {
  accepted: Doc;
}

const isAccepted = (value: Doc | Accepted | void): value is Accepted => Boolean(value && 'accepted' in value);

export interface ResourceSpec extends ListSpec {
  name: ResourceName;
  model: Model<any>;
  /** Ids are ObjectIds except for policies (gate names). */
  idIsObjectId?: boolean;
  /** For resources read with the `own` scope: the records that concern the caller. */
  ownFilter?: (req: Request) => Promise<Record<string, unknown>>;
  /**
   * For resources read with the `directory` scope: what a list may filter, search and sort by
   * (only directory fields, so a filter cannot confirm a field the answer hides).
   */
  directory?: ListSpec;
  create?: (req: Request) => Promise<Doc | Accepted>;
  update?: (req: Request, existing: any) => Promise<Doc | Accepted>;
  remove?: (req: Request, existing: any) => Promise<void | Accepted>;
  /** Shape a document for the response (default toJSON). */
  present?: (doc: any) => Record<string, unknown>;
}

const methodNotAllowed = (name: string) => new AppError(405, 'method-not-allowed', `${name} cannot be changed through this route`);

export function createResourceRouter(spec: ResourceSpec): Router {
  const router = Router();
  const present = spec.present ?? ((doc: Doc) => doc.toJSON());
  router.use(requireAuth);

  /** The caller's scope for an operation; refuses when they have none. */
  function scope(req: Request, operation: Operation) {
    const granted = scopeOf(currentUser(req).roles, spec.name, operation);
    if (granted === 'none') throw forbidden(`your role may not ${operation} ${spec.name}`);
    return granted;
  }

  /** The records a caller may read. */
  async function readable(req: Request, operation: 'list' | 'show'): Promise<Record<string, unknown>> {
    return scope(req, operation) === 'own' && spec.ownFilter ? spec.ownFilter(req) : {};
  }

  function presentFor(req: Request, operation: 'list' | 'show') {
    if (scope(req, operation) !== 'directory') return present;
    const self = currentUser(req).id;
    return (doc: Doc) => {
      const whole = present(doc);
      return whole.id === self ? whole : Object.fromEntries(DIRECTORY_FIELDS.map((field) => [field, whole[field] ?? null]));
    };
  }

  async function load(id: string, within: Record<string, unknown> = {}) {
    if (spec.idIsObjectId !== false && !isValidObjectId(id)) throw notFound(spec.name);
    const doc = await spec.model.findOne({ ...within, _id: id });
    if (!doc) throw notFound(spec.name);
    return doc;
  }

  function offered(operation: Operation) {
    const hook = { create: spec.create, edit: spec.update, delete: spec.remove }[operation as 'create' | 'edit' | 'delete'];
    if (!hook || !isOperationOffered(spec.name, operation)) throw methodNotAllowed(spec.name);
  }

  router.get('/', async (req, res) => {
    const listing = scope(req, 'list') === 'directory' && spec.directory ? spec.directory : spec;
    const query = parseListQuery(req.query as Record<string, unknown>, listing);
    const own = await readable(req, 'list');
    const where = Object.keys(own).length ? { $and: [query.where, own] } : query.where;
    const [docs, total] = await Promise.all([
      spec.model.find(where).setOptions({ sanitizeFilter: true }).sort(query.sort).skip(query.skip).limit(query.limit),
      spec.model.countDocuments(where).setOptions({ sanitizeFilter: true }),
    ]);
    const end = docs.length ? query.start + docs.length - 1 : query.start;
    res.set('Content-Range', `${spec.name} ${query.start}-${end}/${total}`);
    res.set('Access-Control-Expose-Headers', 'Content-Range');
    res.json(docs.map(presentFor(req, 'list')));
  });

  router.get('/:id', async (req, res) => {
    res.json(presentFor(req, 'show')(await load(String(req.params.id), await readable(req, 'show'))));
  });

  router.post('/', async (req, res) => {
    offered('create');
    scope(req, 'create');
    const created = await spec.create!(req);
    if (isAccepted(created)) res.status(202).json(created.accepted.toJSON());
    else res.status(201).json(present(created));
  });

  router.put('/:id', async (req, res) => {
    offered('edit');
    scope(req, 'edit');
    const updated = await spec.update!(req, await load(String(req.params.id)));
    if (isAccepted(updated)) res.status(202).json(updated.accepted.toJSON());
    else res.json(present(updated));
  });

  router.delete('/:id', async (req, res) => {
    offered('delete');
    scope(req, 'delete');
    const existing = await load(String(req.params.id));
    const removed = await spec.remove!(req, existing);
    if (isAccepted(removed)) res.status(202).json(removed.accepted.toJSON());
    else res.json(present(existing));
  });

  return router;
}

// A react-admin simple-REST router for one resource: list with Content-Range, get one, and
// create/update/delete through hooks that validate and authorise.
import { Router, type Request } from 'express';
import { isValidObjectId, type Model } from 'mongoose';
import { requireAuth } from '../auth/middleware.js';
import { AppError, notFound } from '../errors.js';
import { parseListQuery, type ListSpec } from './list-query.js';

type Doc = { toJSON(): Record<string, unknown>; _id: unknown };

export interface ResourceSpec extends ListSpec {
  name: string;
  model: Model<any>;
  /** Ids are ObjectIds except for policies (gate names). */
  idIsObjectId?: boolean;
  create?: (req: Request) => Promise<Doc>;
  update?: (req: Request, existing: any) => Promise<Doc>;
  remove?: (req: Request, existing: any) => Promise<void>;
  /** Shape a document for the response (default toJSON). */
  present?: (doc: any) => Record<string, unknown>;
}

const methodNotAllowed = (name: string) => new AppError(405, 'method-not-allowed', `${name} cannot be changed through this route`);

export function createResourceRouter(spec: ResourceSpec): Router {
  const router = Router();
  const present = spec.present ?? ((doc: Doc) => doc.toJSON());
  router.use(requireAuth);

  async function load(id: string) {
    if (spec.idIsObjectId !== false && !isValidObjectId(id)) throw notFound(spec.name);
    const doc = await spec.model.findById(id);
    if (!doc) throw notFound(spec.name);
    return doc;
  }

  router.get('/', async (req, res) => {
    const query = parseListQuery(req.query as Record<string, unknown>, spec);
    const [docs, total] = await Promise.all([
      spec.model.find(query.where).setOptions({ sanitizeFilter: true }).sort(query.sort).skip(query.skip).limit(query.limit),
      spec.model.countDocuments(query.where).setOptions({ sanitizeFilter: true }),
    ]);
    const end = docs.length ? query.start + docs.length - 1 : query.start;
    res.set('Content-Range', `${spec.name} ${query.start}-${end}/${total}`);
    res.set('Access-Control-Expose-Headers', 'Content-Range');
    res.json(docs.map(present));
  });

  router.get('/:id', async (req, res) => {
    res.json(present(await load(String(req.params.id))));
  });

  router.post('/', async (req, res) => {
    if (!spec.create) throw methodNotAllowed(spec.name);
    res.status(201).json(present(await spec.create(req)));
  });

  router.put('/:id', async (req, res) => {
    if (!spec.update) throw methodNotAllowed(spec.name);
    res.json(present(await spec.update(req, await load(String(req.params.id)))));
  });

  router.delete('/:id', async (req, res) => {
    if (!spec.remove) throw methodNotAllowed(spec.name);
    const existing = await load(String(req.params.id));
    await spec.remove(req, existing);
    res.json(present(existing));
  });

  return router;
}

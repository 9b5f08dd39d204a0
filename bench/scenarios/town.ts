// The people of a lifecycle run: a few who log in (governance, project managers) and one service
// owner per initiative who only ever uses email, each owning a service of their own.
import { ObjectId, type Db } from 'mongodb';
import { hashPassword } from '../../api/auth/passwords.js';
import { loggedIn, type Answers, type HttpClient } from '../http.js';

export const PASSWORD = 'bench-passord-korrekt-hest';

export interface Town {
  governance: { id: string; client: HttpClient }[];
  managers: { id: string; client: HttpClient }[];
  owners: { id: string; email: string; serviceId: string }[];
  changeAgent: string;
  enthusiast: string;
  goals: string[];
}

export async function buildTown(db: Db, baseUrl: string, owners: number, tag: string, answers?: Answers): Promise<Town> {
  const now = new Date();
  const passwordHash = await hashPassword(PASSWORD);
  const person = (name: string, role: string, login: boolean) => ({
    _id: new ObjectId(), name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${tag}@bench.kommune.test`, roles: [role],
    managerId: null, unit: 'Digitalisering', locale: 'nb', passwordHash: login ? passwordHash : null, createdAt: now, updatedAt: now, __v: 0,
  });
  const governance = Array.from({ length: 2 }, (_, i) => person(`Styring ${i}`, 'governance', true));
  const managers = Array.from({ length: Math.min(20, Math.max(2, Math.ceil(owners / 10))) }, (_, i) => person(`Prosjektleder ${i}`, 'project-manager', true));
  const ownerDocs = Array.from({ length: owners }, (_, i) => person(`Eier ${i}`, 'service-owner', false));
  const agent = person('Agent', 'change-agent', false);
  const enthusiast = person('Ildsjel', 'enthusiast', false);
  await db.collection('people').insertMany([...governance, ...managers, ...ownerDocs, agent, enthusiast]);
  const services = ownerDocs.map((o, i) => ({ _id: new ObjectId(), name: `Tjeneste ${i} ${tag}`, description: '', ownerId: String(o._id), createdAt: now, updatedAt: now, __v: 0 }));
  for (let i = 0; i < services.length; i += 2000) await db.collection('services').insertMany(services.slice(i, i + 2000));
  const goals = [1, 2].map((k) => ({ _id: new ObjectId(), code: `${tag}-M${k}`, title: `Mål ${k}`, description: '', weight: 3, active: true, createdAt: now, updatedAt: now, __v: 0 }));
  await db.collection('goals').insertMany(goals);
  const login = async (doc: { _id: ObjectId; email: string }) => ({ id: String(doc._id), client: await loggedIn(baseUrl, doc.email, PASSWORD, answers) });
  return {
    governance: await Promise.all(governance.map(login)),
    managers: await Promise.all(managers.map(login)),
    owners: ownerDocs.map((o, i) => ({ id: String(o._id), email: o.email, serviceId: String(services[i]._id) })),
    changeAgent: String(agent._id),
    enthusiast: String(enthusiast._id),
    goals: goals.map((g) => String(g._id)),
  };
}

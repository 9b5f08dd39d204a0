// Setting up scenario 4 and 5: initiatives ready to start, the reminder policy per batch, and
// what a keyed lookup costs on the resulting collections.
import { ObjectId, type Db, type Document } from 'mongodb';
import { round } from '../stats.js';

export async function insertInitiatives(db: Db, count: number, tag: string): Promise<string[]> {
  const now = new Date();
  const person = (name: string, role: string) => ({ _id: new ObjectId(), name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${tag}@bench.kommune.test`, roles: [role], managerId: null, unit: '', locale: 'nb', passwordHash: null, createdAt: now, updatedAt: now, __v: 0 });
  const governance = Array.from({ length: 20 }, (_, i) => person(`Styring ${i}`, 'governance'));
  const [pm, owner, agent] = [person('Prosjektleder', 'project-manager'), person('Eier', 'service-owner'), person('Agent', 'change-agent')];
  await db.collection('people').insertMany([...governance, pm, owner, agent]);
  const serviceId = new ObjectId();
  await db.collection('services').insertOne({ _id: serviceId, name: `Tjeneste ${tag}`, description: '', ownerId: String(owner._id), createdAt: now, updatedAt: now, __v: 0 });
  const goalId = new ObjectId();
  await db.collection('goals').insertOne({ _id: goalId, code: `${tag}-M1`, title: 'Mål', description: '', weight: 3, active: true, createdAt: now, updatedAt: now, __v: 0 });
  const ids = Array.from({ length: count }, () => new ObjectId());
  for (let i = 0; i < count; i += 2000) {
    await db.collection('initiatives').insertMany(ids.slice(i, i + 2000).map((_id, k) => ({
      _id, title: `Åpen port ${i + k}`, description: '', kind: 'project', serviceId: String(serviceId), projectManagerId: String(pm._id),
      serviceOwnerId: String(owner._id), governanceId: String(governance[(i + k) % governance.length]._id),
      goalLinks: [{ goalId: String(goalId), contribution: 2, rationale: 'Bidrar' }], goalIds: [String(goalId)], changeAgentIds: [String(agent._id)], enthusiastIds: [],
      gate: 'goal-alignment', gateStep: 'decision', status: 'active', stalled: false, escalationLevel: 0, gateEnteredAt: null, gateDueAt: null,
      waitingOnId: null, progressPercent: null, lastProgressAt: null, priorityScore: 6, workflowId: null, benefitOutcome: null, completedAt: null,
      createdAt: now, updatedAt: now, __v: 0,
    })));
  }
  return ids.map(String);
}

export async function setReminderPolicy(db: Db, remindAfter: string) {
  await db.collection('policies').updateOne({ _id: 'goal-alignment' as never }, { $set: { remindAfter, escalateAfter: 'PT2H', stalledAfter: 'PT3H', calendar: 'elapsed' } });
}

/**
 * What a lookup by idempotency key costs next to one by _id on the emails collection: FerretDB's
 * SQLite backend pushes only _id filters down, so every other lookup reads the whole collection.
 */
export async function keyedLookupCost(db: Db): Promise<Record<string, number>> {
  const emails = db.collection('emails');
  // The newest entries: a scan that finds them reads the whole collection first.
  const sample = (await emails.find({}, { projection: { idempotencyKey: 1 } }).toArray()).slice(-5);
  const time = async (filter: (doc: Document) => object) => {
    const started = performance.now();
    for (const doc of sample) await emails.findOne(filter(doc));
    return round((performance.now() - started) / Math.max(1, sample.length), 1)!;
  };
  return {
    emails: await emails.estimatedDocumentCount(),
    byIdMs: await time((doc) => ({ _id: doc._id })),
    byIdempotencyKeyMs: await time((doc) => ({ idempotencyKey: doc.idempotencyKey })),
  };
}


// The baseline's activities: the initiative workflow's activity names doing the same kind and
// number of database writes and the same emails through the same SMTP server as the product's,
// in the cheapest form the stack allows (every lookup and write by _id, the raw driver, no
// validation, rendering or link logic). The ratio to the product then measures our overhead,
// not the difference between doing I/O and doing none.
import type { Db } from 'mongodb';
import type { Mailer } from '../activities/mailer.js';

export interface BareDeps {
  db: Db;
  mailer: Mailer;
  mailFrom: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = { _id: string } & Record<string, any>;

interface Ref {
  id: string;
  /** Gate step number (0–4): names the keys, as gate/round/step name the product's. */
  step: number;
}

const BODY = 'Hei,\n\nEt tiltak venter på deg i Endringsporten.\n\n' + 'Fakta om tiltaket og fristen. '.repeat(40);

export function createBareActivities({ db, mailer, mailFrom }: BareDeps) {
  const initiatives = db.collection<Doc>('initiatives');
  const people = db.collection<{ _id: string; email: string; name: string }>('people');
  const emails = db.collection<Doc>('emails');
  const audit = db.collection<Doc>('audit');
  const decisions = db.collection<Doc>('decisions');
  const tokens = db.collection<Doc>('actiontokens');
  const benefits = db.collection<Doc>('benefits');
  const policies = db.collection<Doc>('policies');

  const once = async (write: Promise<unknown>) => {
    try {
      await write;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  };

  /** The product's deliverOnce: a record keyed by the idempotency key, 'sending', SMTP, 'sent'. */
  async function deliver(key: string, to: { _id: string; email: string }, initiativeId: string, subject: string, link: string | null): Promise<number> {
    const existing = await emails.findOne({ _id: key });
    if (existing?.status === 'sent') return (existing.sentAt as Date).getTime();
    if (!existing) await once(emails.insertOne({ _id: key, to: to.email, toId: to._id, kind: 'notification', subject, initiativeId, status: 'pending', attempts: 0, createdAt: new Date() }));
    await emails.updateOne({ _id: key }, { $set: { status: 'sending', sendingAt: new Date() }, $inc: { attempts: 1 } });
    const text = `${BODY}${link ? `\n\nSvar her: ${link}\n` : ''}`;
    await mailer.send({ from: mailFrom, to: to.email, subject, text, html: `<p>${text.replace(/\n/g, '<br>')}</p>`, messageId: `<${key.replace(/[^\w.-]/g, '.')}@bench>`, headers: { 'X-Endringsporten-Kind': 'bare' } });
    const sentAt = new Date();
    await emails.updateOne({ _id: key }, { $set: { status: 'sent', sentAt, messageId: key } });
    return sentAt.getTime();
  }

  const load = async (id: string) => (await initiatives.findOne({ _id: id }))!;

  return {
    async sendStartNotices(ref: { id: string }): Promise<number> {
      const initiative = await load(ref.id);
      const enthusiast = (await people.findOne({ _id: initiative.enthusiastId as string }))!;
      await deliver(`${ref.id}:start`, enthusiast, ref.id, `Nytt tiltak: ${initiative.title as string}`, null);
      return 1;
    },

    async enterGate(ref: Ref & { remindAt?: number }): Promise<{ remindAt: number | null }> {
      const initiative = await load(ref.id);
      await policies.findOne({ _id: `step-${ref.step}` });
      const remindAt = ref.remindAt ?? null;
      await initiatives.updateOne({ _id: ref.id }, { $set: { step: ref.step, status: 'active', stalled: false, escalationLevel: 0, gateEnteredAt: new Date(), gateDueAt: remindAt ? new Date(remindAt) : null, waitingOnId: initiative.ownerId } });
      await once(audit.insertOne({ _id: `${ref.id}:${ref.step}:entered`, action: 'gate.entered', initiativeId: ref.id, at: new Date(), details: { step: ref.step } }));
      return { remindAt };
    },

    /** The email at gate entry (and the reminder) to whoever the step waits on; a link on the owner's steps (1 and 3). */
    async sendGateEmail(ref: Ref & { purpose: string }): Promise<number> {
      const initiative = await load(ref.id);
      const ids = [initiative.ownerId, initiative.managerId, initiative.governanceId] as string[];
      const found = await people.find({ _id: { $in: ids } }).toArray();
      const responsibleId = ref.step === 0 ? initiative.governanceId : ref.step === 2 ? initiative.managerId : initiative.ownerId;
      const responsible = found.find((p) => p._id === responsibleId)!;
      const key = `${ref.id}:${ref.step}:${ref.purpose}`;
      let link: string | null = null;
      if (ref.step === 1 || ref.step === 3) {
        await tokens.updateOne({ _id: key }, { $set: { initiativeId: ref.id, step: ref.step, usedAt: null, revokedAt: null, expiresAt: new Date(Date.now() + 30 * 86_400_000) } }, { upsert: true });
        link = `http://bare.invalid/actions/${key.replace(/[^\w-]/g, '-')}`;
      }
      const title = initiative.title as string;
      const subject = ref.purpose === 'reminder' ? `Påminnelse: ${title}` : ['Godkjenning trengs: mål', 'Godkjenning trengs:', 'Gjennomføring:', 'Bekreft at', 'Gevinstoppfølging:'][ref.step] + ` ${title}`;
      return deliver(key, responsible, ref.id, subject, link);
    },

    async checkPreconditions(ref: { id: string }): Promise<string | null> {
      const initiative = await load(ref.id);
      await benefits.findOne({ _id: initiative.benefitId as string });
      return null;
    },

    async recordDecision(ref: Ref): Promise<void> {
      const at = new Date();
      await once(decisions.insertOne({ _id: `${ref.id}:${ref.step}:decision`, initiativeId: ref.id, step: ref.step, decision: 'approve', at }));
      await once(audit.insertOne({ _id: `${ref.id}:${ref.step}:decision:audit`, action: 'decision.approve', initiativeId: ref.id, at }));
      await tokens.updateOne({ _id: `${ref.id}:${ref.step}:request` }, { $set: { revokedAt: at } });
    },

    async recordEscalation(ref: Ref & { level: number }): Promise<void> {
      await initiatives.updateOne({ _id: ref.id }, { $set: { escalationLevel: ref.level } });
      await once(audit.insertOne({ _id: `${ref.id}:${ref.step}:level-${ref.level}`, action: 'gate.reminded', initiativeId: ref.id, at: new Date() }));
    },

    async startFollowUp(ref: { id: string }): Promise<void> {
      const initiative = await load(ref.id);
      await benefits.updateOne({ _id: initiative.benefitId as string }, { $set: { followUpStartedAt: new Date() } });
    },

    async evaluateBenefit(ref: { id: string }): Promise<void> {
      const initiative = await load(ref.id);
      await benefits.updateOne({ _id: initiative.benefitId as string }, { $set: { latestValue: 80, latestMeasuredAt: new Date(), realised: true } });
      await once(audit.insertOne({ _id: `${ref.id}:measurement`, action: 'benefit.measured', initiativeId: ref.id, at: new Date() }));
    },

    async closeFollowUp(ref: { id: string }): Promise<void> {
      const initiative = await load(ref.id);
      await benefits.updateOne({ _id: initiative.benefitId as string }, { $set: { closedAt: new Date() } });
    },

    async finishInitiative(ref: { id: string }): Promise<void> {
      const at = new Date();
      await initiatives.updateOne({ _id: ref.id }, { $set: { status: 'completed', completedAt: at, gateDueAt: null, waitingOnId: null } });
      await once(audit.insertOne({ _id: `${ref.id}:finished`, action: 'initiative.completed', initiativeId: ref.id, at }));
      await tokens.updateOne({ _id: `${ref.id}:3:request` }, { $set: { revokedAt: at } });
    },

    async sendOutcomeNotice(ref: { id: string }): Promise<number> {
      const initiative = await load(ref.id);
      const ids = [initiative.ownerId, initiative.managerId, initiative.governanceId] as string[];
      for (const person of await people.find({ _id: { $in: ids } }).toArray()) {
        await deliver(`${ref.id}:outcome:${person._id}`, person, ref.id, `Fullført: ${initiative.title as string}`, null);
      }
      return ids.length;
    },
  };
}

export type BareActivities = ReturnType<typeof createBareActivities>;

/** For the limits probe only: the same names doing nothing, so the figure is Temporal's alone. */
export function createNoopActivities(): BareActivities {
  const nothing = async () => {};
  return {
    sendStartNotices: async () => 0,
    enterGate: async (ref: Ref & { remindAt?: number }) => ({ remindAt: ref.remindAt ?? null }),
    sendGateEmail: async () => Date.now(),
    checkPreconditions: async () => null,
    recordDecision: nothing,
    recordEscalation: nothing,
    startFollowUp: nothing,
    evaluateBenefit: nothing,
    closeFollowUp: nothing,
    finishInitiative: nothing,
    sendOutcomeNotice: async () => 0,
  };
}

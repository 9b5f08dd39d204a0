// A synthetic municipality at any scale, written with bulk inserts straight into the collections
// the mongoose models use (same field names, string references, timestamps). Deterministic for a
// given seed, so two runs produce the same portfolio.
import { ObjectId, type Db } from 'mongodb';
import type { Gate } from '../domain/types.js';

export interface SeedOptions {
  initiatives: number;
  /** Defaults scale with the number of initiatives. */
  people?: number;
  goals?: number;
  services?: number;
  /** Average benefits per initiative (1–3 each, so at most 2 on average). */
  benefitsPerInitiative?: number;
  batchSize?: number;
  seed?: number;
  /** Emails are unique per tag, so several seeds can share a database. */
  tag?: string;
  /**
   * Records each initiative left behind (decisions, audit entries, sent emails, action tokens),
   * keyed as the activities key them: a database with a past, for the transition-cost scenario.
   */
  history?: { decisions: number; audit: number; emails: number; tokens: number };
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  people: number;
  goals: number;
  services: number;
  initiatives: number;
  benefits: number;
  /** History records written (0 without `history`). */
  records: number;
  /** Ids the bench queries by. */
  sample: { goalId: string; adminEmail: string | null };
  seconds: number;
}

/** mulberry32: a tiny deterministic PRNG. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    weighted: <T>(choices: [T, number][]) => {
      let r = next() * choices.reduce((sum, [, w]) => sum + w, 0);
      for (const [value, weight] of choices) if ((r -= weight) < 0) return value;
      return choices[choices.length - 1][0];
    },
  };
}

const WORDS = ['Digital', 'søknad', 'om', 'trygghetsalarm', 'byggesak', 'barnehageplass', 'selvbetjening', 'chatbot', 'timebestilling', 'velferdsteknologi', 'arkiv', 'innbyggerdialog', 'sensorer', 'skoleskyss', 'vann', 'avløp', 'kartløsning', 'fakturering', 'helseplattform', 'automatisering'];
const DAY = 86_400_000;

export async function seedPortfolio(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const rng = random(options.seed ?? 20_261_128);
  const tag = options.tag ?? 'seed';
  const batchSize = options.batchSize ?? 2_000;
  const n = options.initiatives;
  const peopleCount = options.people ?? Math.max(60, Math.ceil(n / 20));
  const goalCount = options.goals ?? 30;
  const serviceCount = options.services ?? Math.max(10, Math.ceil(n / 200));
  const benefitsAverage = Math.min(2, Math.max(1, options.benefitsPerInitiative ?? 2));
  const now = new Date();
  const total = peopleCount + goalCount + serviceCount + n;
  const history = options.history;
  const GATE_ORDER: Gate[] = ['goal-alignment', 'owner-signoff', 'implementation', 'benefit-realisation'];
  let recordTotal = 0;
  let done = 0;
  const progress = (count: number) => {
    done += count;
    options.onProgress?.(done, total);
  };

  async function insert(collection: string, docs: object[]) {
    for (let i = 0; i < docs.length; i += batchSize) {
      await db.collection(collection).insertMany(docs.slice(i, i + batchSize), { ordered: false });
    }
  }

  // People: every role, a line of managers, unique emails.
  const roleMix: [string, number][] = [['governance', 5], ['project-manager', 20], ['service-owner', 30], ['change-agent', 20], ['enthusiast', 25]];
  const people = Array.from({ length: peopleCount }, (_, i) => {
    const role = i < 5 ? ['governance', 'project-manager', 'service-owner', 'change-agent', 'enthusiast'][i] : rng.weighted(roleMix);
    return { _id: new ObjectId(), name: `Person ${i + 1}`, email: `person.${i + 1}.${tag}@bench.kommune.test`, roles: [role], managerId: null as string | null, unit: `Enhet ${1 + (i % 40)}`, locale: i % 10 === 0 ? 'en' : 'nb', passwordHash: null, createdAt: now, updatedAt: now, __v: 0 };
  });
  for (const person of people) if (rng.next() < 0.7) person.managerId = String(rng.pick(people)._id);
  await insert('people', people);
  progress(people.length);
  const byRole = (role: string) => people.filter((p) => p.roles[0] === role).map((p) => String(p._id));
  const governance = byRole('governance');
  const managers = byRole('project-manager');
  const owners = byRole('service-owner');
  const agents = byRole('change-agent');
  const enthusiasts = byRole('enthusiast');

  const goals = Array.from({ length: goalCount }, (_, i) => ({
    _id: new ObjectId(), code: `${tag.toUpperCase()}-M${i + 1}`, title: `Strategisk mål ${i + 1}`, description: '', weight: rng.int(1, 5), active: rng.next() < 0.9, createdAt: now, updatedAt: now, __v: 0,
  }));
  await insert('goals', goals);
  progress(goals.length);
  const activeGoals = goals.filter((g) => g.active);

  const services = Array.from({ length: serviceCount }, (_, i) => ({
    _id: new ObjectId(), name: `Tjeneste ${i + 1} (${tag})`, description: '', ownerId: rng.pick(owners), createdAt: now, updatedAt: now, __v: 0,
  }));
  await insert('services', services);
  progress(services.length);

  let benefitTotal = 0;
  for (let start = 0; start < n; start += batchSize) {
    const initiatives: object[] = [];
    const benefits: object[] = [];
    const records: Record<'decisions' | 'audit' | 'emails' | 'actiontokens', object[]> = { decisions: [], audit: [], emails: [], actiontokens: [] };
    for (let i = start; i < Math.min(n, start + batchSize); i++) {
      const id = new ObjectId();
      const service = rng.pick(services);
      const linked = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(activeGoals)))];
      const goalLinks = linked.map((g) => ({ goalId: String(g._id), contribution: rng.int(1, 3), rationale: 'Bidrar til målet' }));
      const priorityScore = goalLinks.reduce((sum, l, k) => sum + l.contribution * linked[k].weight, 0);
      const status = rng.weighted<string>([['active', 85], ['completed', 10], ['rejected', 3], ['cancelled', 2]]);
      const gate: Gate = status === 'completed' ? 'benefit-realisation' : rng.weighted<Gate>([['goal-alignment', 30], ['owner-signoff', 25], ['implementation', 25], ['benefit-realisation', 20]]);
      const active = status === 'active';
      const escalationLevel = active ? rng.weighted([[0, 70], [1, 15], [2, 8], [3, 7]]) : 0;
      const enteredAt = new Date(now.getTime() - rng.int(1, 200) * DAY);
      initiatives.push({
        _id: id,
        title: `${rng.pick(WORDS)} ${rng.pick(WORDS)} ${rng.pick(WORDS)} ${i + 1}`,
        description: 'Syntetisk tiltak for ytelsesmåling.',
        kind: rng.next() < 0.9 ? 'project' : 'line',
        serviceId: String(service._id),
        projectManagerId: rng.pick(managers),
        serviceOwnerId: service.ownerId,
        governanceId: rng.pick(governance),
        goalLinks,
        goalIds: goalLinks.map((l) => l.goalId),
        changeAgentIds: [rng.pick(agents)],
        enthusiastIds: rng.next() < 0.6 ? [rng.pick(enthusiasts)] : [],
        gate,
        gateStep: gate === 'implementation' && rng.next() < 0.2 ? 'confirmation' : 'decision',
        status,
        stalled: escalationLevel === 3,
        escalationLevel,
        gateEnteredAt: enteredAt,
        gateDueAt: active && gate !== 'benefit-realisation' ? new Date(enteredAt.getTime() + 7 * DAY) : null,
        waitingOnId: active ? service.ownerId : null,
        progressPercent: gate === 'implementation' ? rng.int(0, 100) : null,
        lastProgressAt: null,
        priorityScore,
        workflowId: null,
        benefitOutcome: status === 'completed' ? rng.pick(['realised', 'partly', 'not-realised']) : null,
        completedAt: active ? null : new Date(enteredAt.getTime() + 30 * DAY),
        createdAt: new Date(enteredAt.getTime() - 30 * DAY),
        updatedAt: enteredAt,
        __v: 0,
      });
      if (history) {
        const ownerEmail = `owner.${tag}@bench.kommune.test`;
        const ref = (k: number) => {
          const g = GATE_ORDER[k % 4];
          return { gate: g, round: 1 + Math.floor(k / 4), step: 'decision', stepKey: `${String(id)}:${g}:${1 + Math.floor(k / 4)}:decision` };
        };
        const at = (k: number) => new Date(enteredAt.getTime() - (40 - k) * DAY);
        for (let k = 0; k < history.decisions; k++) {
          const r = ref(k);
          records.decisions.push({ _id: new ObjectId(), initiativeId: String(id), gate: r.gate, round: r.round, step: r.step, decision: 'approve', comment: 'Godkjent', conditions: [], byId: service.ownerId, channel: k % 2 ? 'email-link' : 'api', at: at(k), key: `${r.stepKey}:decision`, createdAt: at(k), updatedAt: at(k), __v: 0 });
        }
        for (let k = 0; k < history.audit; k++) {
          const r = ref(Math.floor(k / 3));
          records.audit.push({ _id: new ObjectId(), actorId: null, action: ['gate.entered', 'decision.approve', 'email.sent'][k % 3], initiativeId: String(id), channel: 'system', at: at(k), details: { gate: r.gate, step: r.step, round: r.round }, key: `${r.stepKey}:audit-${k}` });
        }
        for (let k = 0; k < history.emails; k++) {
          const r = ref(k);
          const key = `${r.stepKey}:request:${k}`;
          records.emails.push({ _id: new ObjectId(), idempotencyKey: key, to: ownerEmail, toId: service.ownerId, kind: k % 3 === 0 ? 'approval-request' : 'notification', subject: `Godkjenning trengs: tiltak ${i + 1}`, initiativeId: String(id), gate: r.gate, status: 'sent', attempts: 1, sendingAt: at(k), lastError: null, messageId: `<${key}@endringsporten>`, sentAt: at(k), createdAt: at(k), updatedAt: at(k), __v: 0 });
        }
        for (let k = 0; k < history.tokens; k++) {
          const r = ref(k);
          records.actiontokens.push({ _id: new ObjectId(), tokenHash: `${String(id)}${k}`.padEnd(64, '0'), personId: service.ownerId, initiativeId: String(id), gate: r.gate, round: r.round, step: r.step, purpose: 'decision', benefitId: null, allowedActions: ['approve', 'reject', 'revise'], expiresAt: new Date(at(k).getTime() + 30 * DAY), usedAt: at(k), usedFor: 'approve', revokedAt: null, revokedReason: null, key: `${r.stepKey}:request:${service.ownerId}`, createdAt: at(k), updatedAt: at(k), __v: 0 });
        }
      }
      const count = benefitsAverage >= 2 ? rng.int(1, 3) : rng.next() < benefitsAverage - 1 ? 2 : 1;
      for (let b = 0; b < count; b++) {
        const baseline = rng.int(5, 50);
        benefits.push({
          _id: new ObjectId(),
          initiativeId: String(id),
          title: `Gevinst ${b + 1}`,
          category: rng.pick(['efficiency', 'quality', 'other-actors']),
          indicator: 'Andel digitale søknader',
          unit: '%',
          dataSource: 'Fagsystem',
          baseline,
          baselineDate: new Date(enteredAt.getTime() - 60 * DAY),
          target: baseline + rng.int(10, 40),
          direction: 'increase',
          measureEvery: 'P1M',
          followUpUntil: new Date(enteredAt.getTime() + 365 * DAY),
          ownerId: service.ownerId,
          latestValue: null, latestMeasuredAt: null, achievement: null, band: null, onTrack: null, realised: false,
          nextMeasurementDue: null, followUpStartedAt: null,
          createdAt: enteredAt, updatedAt: enteredAt, __v: 0,
        });
      }
    }
    await insert('initiatives', initiatives);
    await insert('benefits', benefits);
    for (const [collection, docs] of Object.entries(records)) {
      if (docs.length) await insert(collection, docs);
      recordTotal += docs.length;
    }
    benefitTotal += benefits.length;
    progress(initiatives.length);
  }

  return {
    people: peopleCount,
    goals: goalCount,
    services: serviceCount,
    initiatives: n,
    benefits: benefitTotal,
    records: recordTotal,
    sample: { goalId: String(activeGoals[0]._id), adminEmail: null },
    seconds: (Date.now() - started) / 1000,
  };
}

export const SEEDED_COLLECTIONS = ['people', 'goals', 'services', 'initiatives', 'benefits'] as const;

// A living demo municipality for a first `npm start`: goals from the master plan with sub-goals,
// services, people in every role (all of whom can log in with DEMO_PASSWORD), a portfolio board,
// and initiatives that show governance at work — a draft, one sent back for revision, open
// conditions, a checklist in progress, an absent approver with a deputy, readiness answers,
// enthusiasts' comments, a plan change awaiting its owner, benefits valued in kroner. Each
// initiative is registered and then moved only through the workflow gateway (context.workflows),
// as the API does: once a workflow runs it is the one writer of its initiative and benefits.
import { DEFAULT_CHECKLISTS } from '../domain/checklists.js';
import type { ConditionInput } from '../domain/conditions.js';
import type { DecisionKind, Gate, GateStep } from '../domain/types.js';
import { hashPassword } from './auth/passwords.js';
import type { AppContext } from './context.js';
import { recordMeasurement } from './measurements.js';
import { workflowIdFor } from '../workflows/definitions.js';
import { logger } from '../logging/logger.js';

/** Every demo person's password; stored hashed like any other, and printed by `npm start` (stack/start.ts). */
export const DEMO_PASSWORD = 'fjordvik-demo-2026';
const DOMAIN = 'fjordvik.kommune.test';
const DAY = 86_400_000;

const PEOPLE = [
  { key: 'randi', name: 'Randi Kommunedirektør', roles: ['governance'], unit: 'Kommunedirektørens stab' },
  { key: 'geir', name: 'Geir Porteføljeleder', roles: ['governance'], unit: 'Porteføljestyret', manager: 'randi' },
  { key: 'liv', name: 'Liv Økonomisjef', roles: ['governance'], unit: 'Økonomi', manager: 'randi' },
  { key: 'hanne', name: 'Hanne Kommunalsjef Helse', roles: ['service-owner'], unit: 'Helse og omsorg', manager: 'randi' },
  { key: 'tone', name: 'Tone Tjenesteleder Hjemmetjenester', roles: ['service-owner'], unit: 'Hjemmetjenester', manager: 'hanne' },
  { key: 'bjorn', name: 'Bjørn Leder Byggesak', roles: ['service-owner'], unit: 'Plan og byggesak', manager: 'randi' },
  { key: 'kari', name: 'Kari Styrer Barnehage', roles: ['service-owner'], unit: 'Oppvekst', manager: 'randi', locale: 'en' },
  { key: 'per', name: 'Per Prosjektleder', roles: ['project-manager'], unit: 'Digitalisering' },
  { key: 'sara', name: 'Sara Prosjektleder', roles: ['project-manager'], unit: 'Digitalisering' },
  { key: 'eva', name: 'Eva Endringsagent', roles: ['change-agent'], unit: 'Hjemmesykepleie sone nord' },
  { key: 'mona', name: 'Mona Endringsagent', roles: ['change-agent'], unit: 'Hjemmesykepleie sone sør' },
  { key: 'ola', name: 'Ola Endringsagent', roles: ['change-agent'], unit: 'Plan og byggesak' },
  { key: 'ine', name: 'Ine Ildsjel', roles: ['enthusiast'], unit: 'Hjemmetjenester' },
  { key: 'jonas', name: 'Jonas Ildsjel', roles: ['enthusiast', 'change-agent'], unit: 'Oppvekst' },
];

const PLAN = { plan: 'Kommuneplanens samfunnsdel 2024–2036', periodFrom: 2024, periodTo: 2036 };
const GOALS = [
  { code: 'KP-1', title: 'Innbyggerne får gode digitale tjenester som er enkle å bruke', weight: 5, owner: 'randi' },
  { code: 'KP-2', title: 'Eldre kan bo trygt hjemme lenger', weight: 5, owner: 'hanne' },
  { code: 'KP-3', title: 'Kortere saksbehandlingstid for næringsliv og innbyggere', weight: 4, owner: 'bjorn' },
  { code: 'KP-4', title: 'En bærekraftig og effektiv kommuneorganisasjon', weight: 3, owner: 'liv' },
  { code: 'KP-5', title: 'Barn og unge får tidlig hjelp', weight: 4, owner: 'kari' },
  { code: 'KP-2.1', title: 'Velferdsteknologi i alle hjem som trenger det', weight: 4, owner: 'tone', parent: 'KP-2' },
  { code: 'KP-3.1', title: 'Byggesøknader avgjort på under tre uker', weight: 3, owner: 'bjorn', parent: 'KP-3' },
];

/** The decision basis the project managers prepared (a draft may lack parts of it). */
const BASIS = {
  costEstimate: { investment: 1_200_000, yearlyRunning: 180_000 },
  risk: { level: 'medium', description: 'Ny integrasjon mot fagsystemet; vi piloterer i én sone før utrulling.' },
  alternatives: 'Å la være (dagens ventetid består), eller kjøpe løsningen sammen med nabokommunene.',
  dpia: 'needed',
  documents: [{ title: 'Gevinstanalyse (KS-malen)', url: 'https://www.ks.no/fagomrader/digitalisering/' }],
};

interface BenefitPlan {
  title: string;
  category: 'efficiency' | 'quality' | 'other-actors';
  indicator: string;
  unit: string;
  baseline: number;
  target: number;
  valuePerYear: number;
}

interface Story {
  title: string;
  problem: string;
  service: string;
  owner: string;
  pm: string;
  kind?: 'project' | 'line';
  /** Decided by the portfolio board, or else by one governance person. */
  board: boolean;
  goals: [string, number, string][];
  agents: string[];
  enthusiasts: string[];
  benefits: BenefitPlan[];
  /** What happens to it after it is registered as a draft. */
  unfold: (demo: Demo, initiative: Registered) => Promise<void>;
}

interface Registered {
  id: string;
  benefitIds: string[];
}

type Demo = ReturnType<typeof demoActions> & ReturnType<typeof followUpActions>;

const benefit = (title: string, category: BenefitPlan['category'], indicator: string, unit: string, baseline: number, target: number, valuePerYear: number): BenefitPlan => ({
  title, category, indicator, unit, baseline, target, valuePerYear,
});

/** What people do with the initiatives, each through the workflow as the API would send it. */
function demoActions(context: AppContext, ids: Record<string, string>) {
  const { workflows } = context;
  const by = (person: string) => ({ actorId: ids[person], channel: 'console' as const });
  const demo = {
    checklist: async (id: string, gate: Gate, person: string, only?: string[]) => {
      for (const item of DEFAULT_CHECKLISTS[gate].filter((i) => !only || only.includes(i.key))) {
        await workflows.markChecklist(id, { gate, key: item.key, status: 'done', comment: '', ...by(person) });
      }
    },
    submit: (id: string, person: string, note = '') => workflows.submit(id, { note, ...by(person) }),
    decide: (id: string, gate: Gate, person: string, decision: DecisionKind = 'approve', extra: { comment?: string; conditions?: (string | ConditionInput)[]; step?: GateStep } = {}) =>
      workflows.decide(id, { gate, decision, comment: extra.comment ?? 'Godkjent', conditions: extra.conditions, step: extra.step, ...by(person) }),
    /** The checklist of a gate done by the project manager, then the gate approved. */
    pass: async (id: string, gate: Gate, pm: string, decider: string) => {
      await demo.checklist(id, gate, pm);
      await demo.decide(id, gate, decider);
    },
    comment: (id: string, gate: Gate, person: string, text: string) =>
      context.db.models.Comment.create({ initiativeId: id, gate, text, authorId: ids[person], channel: 'email', at: new Date() }),
    readiness: (id: string, person: string, status: 'ready' | 'not-ready', note: string) =>
      context.db.models.Readiness.create({ initiativeId: id, unit: PEOPLE.find((p) => p.key === person)!.unit, status, note, personId: ids[person], channel: 'email', at: new Date() }),
  };
  return demo;
}

const STORIES: Story[] = [
  {
    // The board approved with conditions; the owner is on holiday, so her deputy is asked.
    title: 'Digitalt tilsyn om natten',
    problem: 'Nattevaktene gjør mange fysiske tilsyn som vekker brukerne og binder opp bilene.',
    service: 'trygghet', owner: 'hanne', pm: 'per', board: true,
    goals: [['KP-2.1', 3, 'Færre forstyrrende nattbesøk, tryggere hjemme'], ['KP-4', 2, 'Frigjør tid i nattevakter']],
    agents: ['eva'], enthusiasts: ['ine'],
    benefits: [
      benefit('Færre fysiske nattbesøk', 'efficiency', 'Fysiske nattbesøk per uke', 'besøk', 420, 250, 1_300_000),
      benefit('Færre fall om natten', 'quality', 'Registrerte fall om natten per måned', 'fall', 12, 6, 250_000),
    ],
    unfold: async (demo, { id }) => {
      await demo.checklist(id, 'goal-alignment', 'per');
      await demo.submit(id, 'per');
      await demo.comment(id, 'goal-alignment', 'ine', 'Brukerne i sone nord vil gjerne være med i piloten.');
      await demo.decide(id, 'goal-alignment', 'geir', 'approve', {
        comment: 'Godkjent i porteføljestyret 12. mars',
        conditions: ['Risikovurdering av integrasjonen mot trygghetsalarmene før pilot', 'Avtale med tillitsvalgte om nattevaktenes rutiner'],
      });
      await demo.checklist(id, 'owner-signoff', 'per', ['benefit-owner-named']);
      await demo.comment(id, 'owner-signoff', 'ine', 'Husk opplæring av vikarene før sommeren.');
    },
  },
  {
    // Sent back by the board: the benefit analysis was too thin.
    title: 'Selvbetjent søknad om hjemmetjenester',
    problem: 'Søknader kommer på papir og per telefon; saksbehandlerne taster dem inn.',
    service: 'hjemmetjenester', owner: 'tone', pm: 'per', board: true,
    goals: [['KP-1', 3, 'Søknad på nett døgnet rundt']],
    agents: ['eva'], enthusiasts: ['ine'],
    benefits: [
      benefit('Digitale søknader', 'quality', 'Andel søknader levert digitalt', '%', 5, 70, 200_000),
      benefit('Spart registreringstid', 'efficiency', 'Timer til registrering per måned', 'timer', 60, 15, 420_000),
    ],
    unfold: async (demo, { id }) => {
      await demo.checklist(id, 'goal-alignment', 'per');
      await demo.submit(id, 'per');
      await demo.decide(id, 'goal-alignment', 'randi', 'revise', { comment: 'Gevinstanalysen må vise hvordan spart tid tas ut i budsjettet.' });
    },
  },
  {
    // A draft the project manager is still preparing: cost, risk and DPIA are not filled in.
    title: 'Byggesak med automatisk kompletthetskontroll',
    problem: 'Fire av ti byggesøknader mangler vedlegg, og mangelbrev forsinker vedtakene.',
    service: 'byggesak', owner: 'bjorn', pm: 'sara', board: true,
    goals: [['KP-3.1', 3, 'Færre mangelbrev, raskere vedtak'], ['KP-1', 2, 'Enklere for søker']],
    agents: ['ola'], enthusiasts: [],
    benefits: [benefit('Færre mangelbrev', 'efficiency', 'Mangelbrev per måned', 'brev', 80, 30, 350_000)],
    unfold: async (demo, { id }) => {
      await demo.checklist(id, 'goal-alignment', 'sara', ['dpia-considered']);
    },
  },
  {
    // A line change decided by one governance person, not the board.
    title: 'Nytt opptaksreglement i barnehagene',
    problem: 'Barn med særskilte behov får plass for sent fordi reglementet prioriterer søknadsdato.',
    service: 'barnehageopptak', owner: 'kari', pm: 'sara', kind: 'line', board: false,
    goals: [['KP-5', 2, 'Tidligere plass til barn med behov']],
    agents: ['jonas'], enthusiasts: ['jonas'],
    benefits: [benefit('Tidligere plass for barn med behov', 'quality', 'Dager fra vedtak til plass', 'dager', 90, 30, 150_000)],
    unfold: async (demo, { id }) => {
      await demo.checklist(id, 'goal-alignment', 'sara');
      await demo.submit(id, 'sara');
      await demo.comment(id, 'goal-alignment', 'jonas', 'Styrerne støtter endringen, men trenger en mal for vedtakene.');
    },
  },
  {
    // Under way: units answer whether they are ready, and a changed target awaits the owner.
    title: 'Medisindispensere i hjemmetjenesten',
    problem: 'Mange besøk gjøres bare for å dele ut medisin, og feilmedisinering skjer.',
    service: 'hjemmetjenester', owner: 'tone', pm: 'per', board: true,
    goals: [['KP-2.1', 3, 'Riktig medisin til rett tid'], ['KP-4', 3, 'Færre besøk kun for medisinering']],
    agents: ['eva', 'mona'], enthusiasts: ['ine'],
    benefits: [
      benefit('Færre besøk kun for medisinering', 'efficiency', 'Besøk per uke kun for medisin', 'besøk', 1200, 700, 2_100_000),
      benefit('Færre avvik i legemiddelhåndtering', 'quality', 'Avvik per kvartal', 'avvik', 40, 15, 300_000),
    ],
    unfold: async (demo, { id, benefitIds }) => {
      await demo.checklist(id, 'goal-alignment', 'per');
      await demo.submit(id, 'per');
      const state = await demo.decide(id, 'goal-alignment', 'liv', 'approve', { conditions: ['Avklar ansvar for påfylling i helgene'] });
      for (const condition of state.conditions ?? []) {
        await demo.closeCondition(id, condition.id, 'per', 'Helgeteamet fyller på; avtalt med tillitsvalgte');
      }
      await demo.pass(id, 'owner-signoff', 'per', 'tone');
      await demo.progress(id, 'per', 40, 'Dispensere installert hos 60 brukere i sone nord');
      await demo.readiness(id, 'eva', 'ready', 'Alle i sone nord har fått opplæring');
      await demo.readiness(id, 'mona', 'not-ready', 'Nattevaktene mangler opplæring; planlagt i uke 14');
      await demo.comment(id, 'implementation', 'ine', 'Brukerne liker påminnelsene, men lyden er for svak for noen.');
      await demo.changePlan(id, benefitIds[0], 'per', { target: 600 }, 'Piloten viser at flere besøk kan fjernes enn antatt');
    },
  },
  {
    // Live and followed up: one benefit is realised and taken out, the other on its way.
    title: 'Digital byggesaksveiledning',
    problem: 'Søkere ringer for veiledning; saksbehandlerne bruker en dag i uken på telefon.',
    service: 'byggesak', owner: 'bjorn', pm: 'sara', board: true,
    goals: [['KP-3.1', 2, 'Bedre søknader første gang'], ['KP-1', 2, 'Veiledning døgnet rundt']],
    agents: ['ola'], enthusiasts: [],
    benefits: [
      benefit('Færre veiledningssamtaler', 'efficiency', 'Telefonsamtaler per uke', 'samtaler', 150, 60, 480_000),
      benefit('Flere komplette søknader', 'quality', 'Andel komplette søknader', '%', 55, 85, 260_000),
    ],
    unfold: async (demo, { id, benefitIds }) => {
      await demo.checklist(id, 'goal-alignment', 'sara');
      await demo.submit(id, 'sara');
      await demo.decide(id, 'goal-alignment', 'geir');
      await demo.pass(id, 'owner-signoff', 'sara', 'bjorn');
      await demo.pass(id, 'implementation', 'sara', 'sara');
      await demo.decide(id, 'implementation', 'bjorn', 'approve', { step: 'confirmation', comment: 'Tjenesten er i drift' });
      await demo.measure(benefitIds[0], 'bjorn', [[100, 60], [58, 30], [55, 2]]);
      await demo.measure(benefitIds[1], 'bjorn', [[62, 30], [70, 2]]);
      await demo.harvest(id, benefitIds[0], 'bjorn', 'capacity-redeployed', 'En saksbehandler er flyttet til klagesaker');
    },
  },
];

export async function seedDemoData(context: AppContext): Promise<void> {
  const { models } = context.db;
  if ((await models.Initiative.estimatedDocumentCount()) > 0) return;
  logger.info(`seeding the demo municipality "Fjordvik kommune" (every demo person's password: ${DEMO_PASSWORD}) ...`);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids: Record<string, string> = {};
  for (const p of PEOPLE) {
    const doc = await models.Person.findOneAndUpdate(
      { email: `${p.key}@${DOMAIN}` },
      { $setOnInsert: { name: p.name, roles: p.roles, unit: p.unit, locale: p.locale ?? 'nb', passwordHash } },
      { upsert: true, new: true },
    );
    ids[p.key] = String(doc!._id);
  }
  for (const p of PEOPLE) if (p.manager) await models.Person.updateOne({ _id: ids[p.key] }, { managerId: ids[p.manager] });
  // Hanne is on holiday: requests to her go to Tone, who may decide for her.
  await models.Person.updateOne({ _id: ids.hanne }, { absences: [{ from: new Date(Date.now() - 2 * DAY), to: new Date(Date.now() + 14 * DAY), deputyId: ids.tone }] });

  const goals: Record<string, string> = {};
  for (const g of GOALS) {
    const fields = { ...PLAN, code: g.code, title: g.title, weight: g.weight, ownerId: ids[g.owner], parentId: g.parent ? goals[g.parent] : null };
    const doc = await models.Goal.findOneAndUpdate({ code: g.code }, { $setOnInsert: { ...fields, description: `Fra ${PLAN.plan}.` } }, { upsert: true, new: true });
    goals[g.code] = String(doc!._id);
  }

  const service = async (name: string, owner: string, description: string) => String((await models.Service.create({ name, ownerId: ids[owner], description }))._id);
  const services: Record<string, string> = {
    hjemmetjenester: await service('Hjemmetjenester', 'tone', 'Praktisk bistand og helsehjelp i hjemmet'),
    trygghet: await service('Trygghetsalarm og velferdsteknologi', 'hanne', 'Digitalt tilsyn og trygghetsalarmer'),
    byggesak: await service('Byggesøknader', 'bjorn', 'Behandling av søknader etter plan- og bygningsloven'),
    barnehageopptak: await service('Barnehageopptak', 'kari', 'Søknad om og tildeling av barnehageplass'),
  };
  const board = await models.Board.create({ name: 'Porteføljestyret', chairId: ids.randi, memberIds: [ids.randi, ids.geir, ids.liv] });

  const demo = { ...demoActions(context, ids), ...followUpActions(context, ids) };
  // Initiatives are independent of each other: their workflows run side by side.
  await Promise.all(STORIES.map(async (story) => story.unfold(demo, await register(context, story, { ids, goals, services, boardId: String(board._id) }))));
}

/** Registers a story's initiative as a draft with its basis and benefit plan, as the project manager would. */
async function register(context: AppContext, story: Story, refs: { ids: Record<string, string>; goals: Record<string, string>; services: Record<string, string>; boardId: string }): Promise<Registered> {
  const { models } = context.db;
  const { ids, goals } = refs;
  const weights = new Map(GOALS.map((g) => [g.code, g.weight]));
  const goalLinks = story.goals.map(([code, contribution, rationale]) => ({ goalId: goals[code], contribution, rationale }));
  const drafted = story.title.startsWith('Byggesak med');
  const initiative = new models.Initiative({
    title: story.title,
    description: `${story.title} – et initiativ i Fjordvik kommunes digitaliseringsportefølje.`,
    kind: story.kind ?? 'project',
    status: 'draft',
    serviceId: refs.services[story.service],
    projectManagerId: ids[story.pm],
    serviceOwnerId: ids[story.owner],
    ...(story.board ? { boardId: refs.boardId } : { governanceId: ids.randi }),
    goalLinks,
    goalIds: goalLinks.map((l) => l.goalId),
    changeAgentIds: story.agents.map((a) => ids[a]),
    enthusiastIds: story.enthusiasts.map((e) => ids[e]),
    problem: story.problem,
    ...(drafted ? { documents: BASIS.documents } : BASIS),
    priorityScore: story.goals.reduce((sum, [code, contribution]) => sum + contribution * (weights.get(code) ?? 0), 0),
  });
  const id = String(initiative._id);
  // Written before the start, as the API does: afterwards the workflow owns the document's writes.
  initiative.workflowId = workflowIdFor(id);
  await initiative.save();
  await context.workflows.start(id, initiative.kind, { draft: true });
  const benefitIds: string[] = [];
  for (const plan of story.benefits) {
    const benefitId = String(new models.Benefit()._id);
    const fields = {
      ...plan,
      direction: plan.target >= plan.baseline ? 'increase' : 'decrease',
      dataSource: 'Fagsystem og turnus',
      baselineDate: new Date(Date.now() - 120 * DAY),
      measureEvery: 'P1M',
      followUpUntil: new Date(Date.now() + 2 * 365 * DAY),
      ownerId: ids[story.owner],
    };
    await context.workflows.editBenefitPlan(id, { operation: 'create', benefitId, fields, actorId: ids[story.pm], channel: 'console' });
    benefitIds.push(benefitId);
  }
  return { id, benefitIds };
}

/** Follow-up after approvals: conditions met, progress, plan changes, measurements and harvests. */
function followUpActions(context: AppContext, ids: Record<string, string>) {
  const { workflows, db } = context;
  const by = (person: string) => ({ actorId: ids[person], channel: 'console' as const });
  return {
    closeCondition: (id: string, conditionId: string, person: string, note: string) => workflows.closeCondition(id, { conditionId, status: 'met', note, ...by(person) }),
    progress: (id: string, person: string, percent: number, note: string) => workflows.reportProgress(id, { percent, note, ...by(person) }),
    /** After sign-off a change to the plan waits for the service owner as a plan change. */
    changePlan: (id: string, benefitId: string, person: string, fields: Record<string, unknown>, reason: string) =>
      workflows.editBenefitPlan(id, { operation: 'update', benefitId, fields, planChangeId: String(new db.models.PlanChange()._id), reason, ...by(person) }),
    /** Measurements as [value, days ago], oldest first. */
    measure: async (benefitId: string, person: string, values: [number, number][]) => {
      for (const [value, daysAgo] of values) {
        await recordMeasurement(context, { benefitId, value, measuredAt: new Date(Date.now() - daysAgo * DAY), note: 'Fra fagsystemet', reportedById: ids[person], channel: 'console' });
      }
    },
    /** Only a realised benefit is taken out. */
    harvest: async (id: string, benefitId: string, person: string, how: string, note: string) => {
      if ((await db.models.Benefit.findById(benefitId).lean())?.realised) await workflows.recordHarvest(id, { benefitId, how, note, ...by(person) });
    },
  };
}

/**
 * What `npm start` prints about the demo: who to log in as, with DEMO_PASSWORD — only when the
 * demo municipality was seeded into this database and its password works (null otherwise).
 */
export async function demoLogins(baseUrl: string): Promise<string[] | null> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `per@${DOMAIN}`, password: DEMO_PASSWORD }),
  }).catch(() => null);
  if (login?.status !== 200) return null;
  // The probe's session ends at once.
  const cookies = login.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const csrf = cookies.find((cookie) => cookie.startsWith('ep_csrf='))?.slice('ep_csrf='.length) ?? '';
  await fetch(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: cookies.join('; '), 'x-csrf-token': decodeURIComponent(csrf) } }).catch(() => undefined);
  const who = (key: string, role: string) => `${key}@${DOMAIN} (${role})`;
  return [
    `Demo people   password ${DEMO_PASSWORD} for everyone in Fjordvik kommune, e.g.`,
    `              ${who('per', 'project manager')}, ${who('geir', 'portfolio board')},`,
    `              ${who('tone', 'service owner, deputy for hanne')}, ${who('eva', 'change agent')}`,
  ];
}

// A living demo municipality for a first `npm start`: goals from a municipal plan, services,
// people in every role and initiatives spread over the gates, all running as real workflows.
import { DEFAULT_CHECKLISTS } from '../domain/checklists.js';
import type { Gate } from '../domain/types.js';
import type { AppContext } from './context.js';
import { recordMeasurement } from './measurements.js';
import { workflowIdFor } from '../workflows/definitions.js';
import { logger } from '../logging/logger.js';

const PASSWORD_NOTE = 'Demo people have no password; they act through the emails in the mailbox.';

const GOALS = [
  { code: 'KP-1', title: 'Innbyggerne får gode digitale tjenester som er enkle å bruke', weight: 5 },
  { code: 'KP-2', title: 'Eldre kan bo trygt hjemme lenger', weight: 5 },
  { code: 'KP-3', title: 'Kortere saksbehandlingstid for næringsliv og innbyggere', weight: 4 },
  { code: 'KP-4', title: 'En bærekraftig og effektiv kommuneorganisasjon', weight: 3 },
  { code: 'KP-5', title: 'Barn og unge får tidlig hjelp', weight: 4 },
];

const PEOPLE = [
  { key: 'radmann', name: 'Randi Kommunedirektør', roles: ['governance'], unit: 'Kommunedirektørens stab' },
  { key: 'portfolio', name: 'Geir Porteføljestyret', roles: ['governance'], unit: 'Porteføljestyret', manager: 'radmann' },
  { key: 'helseleder', name: 'Hanne Kommunalsjef Helse', roles: ['service-owner'], unit: 'Helse og omsorg', manager: 'radmann' },
  { key: 'hjemmetjeneste', name: 'Tone Tjenesteleder Hjemmetjenester', roles: ['service-owner'], unit: 'Hjemmetjenester', manager: 'helseleder' },
  { key: 'byggesak', name: 'Bjørn Leder Byggesak', roles: ['service-owner'], unit: 'Plan og byggesak', manager: 'radmann' },
  { key: 'barnehage', name: 'Kari Styrer Barnehage', roles: ['service-owner'], unit: 'Oppvekst', manager: 'radmann', locale: 'en' },
  { key: 'pl1', name: 'Per Prosjektleder', roles: ['project-manager'], unit: 'Digitalisering' },
  { key: 'pl2', name: 'Sara Prosjektleder', roles: ['project-manager'], unit: 'Digitalisering' },
  { key: 'agent1', name: 'Eva Endringsagent', roles: ['change-agent'], unit: 'Hjemmetjenester' },
  { key: 'agent2', name: 'Ola Endringsagent', roles: ['change-agent'], unit: 'Plan og byggesak' },
  { key: 'ildsjel1', name: 'Ine Ildsjel', roles: ['enthusiast'], unit: 'Hjemmetjenester' },
  { key: 'ildsjel2', name: 'Jonas Ildsjel', roles: ['enthusiast', 'change-agent'], unit: 'Oppvekst' },
];

export async function seedDemoData(context: AppContext): Promise<void> {
  const { models } = context.db;
  if ((await models.Initiative.estimatedDocumentCount()) > 0) return;
  logger.info(`seeding the demo municipality "Fjordvik kommune" ... (${PASSWORD_NOTE})`);

  const ids: Record<string, string> = {};
  for (const p of PEOPLE) {
    const doc = await models.Person.findOneAndUpdate(
      { email: `${p.key}@fjordvik.kommune.test` },
      { $setOnInsert: { name: p.name, roles: p.roles, unit: p.unit, locale: p.locale ?? 'nb' } },
      { upsert: true, new: true },
    );
    ids[p.key] = String(doc!._id);
  }
  for (const p of PEOPLE) if (p.manager) await models.Person.updateOne({ _id: ids[p.key] }, { managerId: ids[p.manager] });

  const goals: Record<string, { id: string; weight: number }> = {};
  for (const g of GOALS) {
    const doc = await models.Goal.findOneAndUpdate({ code: g.code }, { $setOnInsert: { ...g, description: 'Fra kommuneplanens samfunnsdel 2024–2036.' } }, { upsert: true, new: true });
    goals[g.code] = { id: String(doc!._id), weight: doc!.weight };
  }

  const service = async (name: string, owner: string, description: string) =>
    String((await models.Service.create({ name, ownerId: ids[owner], description }))._id);
  const services = {
    hjemmetjenester: await service('Hjemmetjenester', 'hjemmetjeneste', 'Praktisk bistand og helsehjelp i hjemmet'),
    trygghet: await service('Trygghetsalarm og velferdsteknologi', 'helseleder', 'Digitalt tilsyn og trygghetsalarmer'),
    byggesak: await service('Byggesøknader', 'byggesak', 'Behandling av søknader etter plan- og bygningsloven'),
    barnehageopptak: await service('Barnehageopptak', 'barnehage', 'Søknad om og tildeling av barnehageplass'),
  };

  type Plan = { title: string; service: keyof typeof services; owner: string; pm: string; kind?: 'project' | 'line'; goals: [string, number, string][]; advance: number };
  const plans: Plan[] = [
    { title: 'Digitalt tilsyn om natten', service: 'trygghet', owner: 'helseleder', pm: 'pl1', goals: [['KP-2', 3, 'Færre forstyrrende nattbesøk, tryggere hjemme'], ['KP-4', 2, 'Frigjør tid i nattevakter']], advance: 2 },
    { title: 'Selvbetjent søknad om hjemmetjenester', service: 'hjemmetjenester', owner: 'hjemmetjeneste', pm: 'pl1', goals: [['KP-1', 3, 'Søknad på nett døgnet rundt']], advance: 1 },
    { title: 'Byggesak med automatisk kompletthetskontroll', service: 'byggesak', owner: 'byggesak', pm: 'pl2', goals: [['KP-3', 3, 'Færre mangelbrev, raskere vedtak'], ['KP-1', 2, 'Enklere for søker']], advance: 0 },
    { title: 'Nytt opptaksreglement i barnehagene', service: 'barnehageopptak', owner: 'barnehage', pm: 'pl2', kind: 'line', goals: [['KP-5', 2, 'Tidligere plass til barn med behov']], advance: 1 },
    { title: 'Medisindispensere i hjemmetjenesten', service: 'hjemmetjenester', owner: 'hjemmetjeneste', pm: 'pl1', goals: [['KP-2', 3, 'Riktig medisin til rett tid'], ['KP-4', 3, 'Færre besøk kun for medisinering']], advance: 3 },
    { title: 'Digital byggesaksveiledning', service: 'byggesak', owner: 'byggesak', pm: 'pl2', goals: [['KP-3', 2, 'Bedre søknader første gang'], ['KP-1', 2, 'Veiledning døgnet rundt']], advance: 4 },
  ];

  for (const plan of plans) {
    const goalLinks = plan.goals.map(([code, contribution, rationale]) => ({ goalId: goals[code].id, contribution, rationale }));
    const initiative = new models.Initiative({
      title: plan.title,
      description: `${plan.title} – et tiltak i Fjordvik kommunes digitaliseringsportefølje.`,
      kind: plan.kind ?? 'project',
      serviceId: services[plan.service],
      projectManagerId: ids[plan.pm],
      serviceOwnerId: ids[plan.owner],
      governanceId: ids.portfolio,
      goalLinks,
      goalIds: goalLinks.map((l) => l.goalId),
      changeAgentIds: [ids.agent1],
      enthusiastIds: [ids.ildsjel1],
      priorityScore: plan.goals.reduce((sum, [code, contribution]) => sum + contribution * goals[code].weight, 0),
    });
    const id = String(initiative._id);
    // Written before the start: afterwards the workflow owns the document's writes.
    initiative.workflowId = workflowIdFor(id);
    await initiative.save();
    const benefit = await models.Benefit.create({
      initiativeId: id,
      title: 'Spart tid i tjenesten',
      category: 'efficiency',
      indicator: 'Timer spart per uke',
      unit: 'timer',
      dataSource: 'Turnus- og fagsystem',
      baseline: 0,
      baselineDate: new Date(),
      target: 40,
      direction: 'increase',
      measureEvery: 'P1M',
      followUpUntil: new Date(Date.now() + 365 * 86_400_000),
      ownerId: ids[plan.owner],
    });
    await models.Initiative.updateOne({ _id: id }, { $addToSet: { benefitIds: String(benefit._id) } });
    await context.workflows.start(id, initiative.kind);

    const steps: [string, string, 'decision' | 'confirmation'][] = [
      ['goal-alignment', ids.portfolio, 'decision'],
      ['owner-signoff', ids[plan.owner], 'decision'],
      ['implementation', ids[plan.pm], 'decision'],
      ['implementation', ids[plan.owner], 'confirmation'],
    ];
    for (const [gate, actorId, step] of steps.slice(0, plan.advance)) {
      if (step === 'decision') {
        for (const item of DEFAULT_CHECKLISTS[gate as Gate].filter((i) => i.mandatory)) {
          await context.workflows.markChecklist(id, { gate: gate as Gate, key: item.key, status: 'done', comment: '', actorId: ids[plan.pm], channel: 'console' });
        }
      }
      await context.workflows.decide(id, { gate: gate as never, step, decision: 'approve', comment: 'Godkjent i demo', actorId, channel: 'console' });
    }
    if (plan.advance >= 4) {
      // A first measurement, so the benefit chart has a point to show.
      const benefit = await models.Benefit.findOne({ initiativeId: id }).lean();
      await recordMeasurement(context, { benefitId: String(benefit!._id), value: 6, measuredAt: new Date(), note: 'Første måling etter oppstart', reportedById: ids[plan.owner], channel: 'console' });
    }
  }
}

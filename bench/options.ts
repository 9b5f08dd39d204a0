// Command-line options of `npm run bench`.
import { parseArgs } from 'node:util';
import { DATABASE_BACKENDS, DEV_SERVER_PRAGMAS, TEMPORAL_FLAVOURS, type DatabaseBackend, type TemporalFlavour } from '../stack/services.js';
import type { WorkerTuning } from './stack.js';

export const SCENARIO_IDS = ['lifecycle', 'limits', 'databases', 'escalation'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** Records written per past initiative in the transition scenario's seed. */
export interface HistoryShape {
  decisions: number;
  audit: number;
  emails: number;
  tokens: number;
}

export interface BenchOptions {
  quick: boolean;
  only: ScenarioId[];
  /** Temporal candidates for the lifecycle and limits scenarios (each on the default database backend). */
  temporal: TemporalFlavour[];
  /** Database backends for the databases scenario (each under the default Temporal). */
  databases: DatabaseBackend[];
  /** Scenario 1 and 2: initiatives driven through all four gates at once. */
  initiatives: number;
  /** Console list: initiatives in the database (the largest is the transition scenario's database). */
  readScales: number[];
  /** Transition cost: past initiatives in the small and the big database, decisions timed in each. */
  transitionSmall: number;
  transitionBig: number;
  transitions: number;
  history: HistoryShape;
  /** Lost writes: concurrent writers × increments each on one document. */
  writers: number;
  writesEach: number;
  /** Escalation: open gates whose reminders fall due within `dueWindowSeconds`. */
  dueGates: number;
  dueWindowSeconds: number;
  /** Open workflows held by the worker (the due gates are among them). */
  openWorkflows: number;
  /** Limit probe: concurrent bare lifecycles per step. */
  limitLevels: number[];
  pragmas: string[];
  ferretDbParams: string[];
  tuning: WorkerTuning;
  keep: boolean;
  /** Time caps (seconds) that keep every phase bounded whatever the machine manages. */
  budgets: {
    lifecycleRound: number;
    fillCalm: number;
    fillDue: number;
    reminderWait: number;
    readsPerView: number;
    /** One list request at the biggest scale (a slower answer counts at this value). */
    listRequest: number;
    transition: number;
    limitsLevel: number;
  };
}

export const HELP = `npm run bench [-- options]

Starts each candidate stack on free ports as npm start runs it (stack/services.ts: Temporal,
FerretDB, Mailpit; the API and the workers as child processes), runs the scenarios with their
baselines, prints a table and writes bench/results/latest.json and bench/results/latest.md.
Exits non-zero when any request was answered 5xx or a scenario failed. See bench/README.md.

  --quick                the CI sizes (about 40 minutes on 2 cores) instead of the full ones
  --only LIST            comma-separated: ${SCENARIO_IDS.join(', ')}
                         (lifecycle = goals 1–3 per Temporal candidate, limits = the bare
                         closed-loop probe per candidate, databases = list p95, transition cost
                         and lost writes per FerretDB backend, escalation = reminders + worker RSS
                         on the default and the previous stack)
  --temporal LIST        Temporal candidates (default ${TEMPORAL_FLAVOURS.join(',')})
  --databases LIST       FerretDB backends (default ${DATABASE_BACKENDS.join(',')})
  --initiatives N        initiatives at once through all four gates (default 100)
  --read-scales LIST     initiatives for the console list (default 10000,100000)
  --transition-big N     past initiatives in the big database (default 100000)
  --transitions N        decisions timed per database (default 20, quick 8)
  --history full|light   records per past initiative: full = 4 decisions, 12 audit entries,
                         9 emails, 4 tokens (default); light = 1, 3, 3, 1 (quick)
  --due-gates N          open gates with reminders due in the window (default 1000)
  --due-window S         seconds over which those reminders fall due (default 60)
  --open N               open workflows for the worker footprint (default 10000, quick 1200)
  --limit-levels LIST    concurrent bare lifecycles per step of the limit probe
                         (default 25,100,250,1000; quick 100)
  --sqlite-pragma P      dev server pragma, repeatable (default: the stack's ${DEV_SERVER_PRAGMAS.join(' ')})
  --ferretdb-param P     FerretDB SQLite URI parameter, repeatable, e.g. _txlock=immediate
  --cache N              worker sticky cache size (default: SDK default)
  --wft-slots N          worker maxConcurrentWorkflowTaskExecutions (SDK default 40)
  --activity-slots N     worker maxConcurrentActivityTaskExecutions (SDK default 100)
  --keep                 keep the data directory (databases, logs) after the run
  --help                 this text
`;

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, got "${value}"`);
  return n;
}

function list<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: readonly T[]): T[] {
  if (value === undefined) return [...fallback];
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`--${name}: unknown "${item}"; use ${allowed.join(', ')}`);
  return items as T[];
}

export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      temporal: { type: 'string' },
      databases: { type: 'string' },
      initiatives: { type: 'string' },
      'read-scales': { type: 'string' },
      'transition-big': { type: 'string' },
      transitions: { type: 'string' },
      history: { type: 'string' },
      'due-gates': { type: 'string' },
      'due-window': { type: 'string' },
      open: { type: 'string' },
      'limit-levels': { type: 'string' },
      'sqlite-pragma': { type: 'string', multiple: true },
      'ferretdb-param': { type: 'string', multiple: true },
      cache: { type: 'string' },
      'wft-slots': { type: 'string' },
      'activity-slots': { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick!;
  const levels = (values['limit-levels'] ?? (quick ? '100' : '25,100,250,1000')).split(',').map((s) => integer('limit-levels', s.trim(), 0));
  const optional = (name: string, value: string | undefined) => (value === undefined ? undefined : integer(name, value, 0));
  const dueGates = integer('due-gates', values['due-gates'], 1_000);
  const history = values.history ?? (quick ? 'light' : 'full');
  if (history !== 'full' && history !== 'light') throw new Error('--history must be full or light');
  return {
    quick,
    only: list('only', values.only, SCENARIO_IDS, SCENARIO_IDS),
    temporal: list('temporal', values.temporal, TEMPORAL_FLAVOURS, TEMPORAL_FLAVOURS),
    databases: list('databases', values.databases, DATABASE_BACKENDS, DATABASE_BACKENDS),
    initiatives: integer('initiatives', values.initiatives, 100),
    readScales: (values['read-scales'] ?? '10000,100000').split(',').map((s) => integer('read-scales', s.trim(), 0)),
    transitionSmall: 100,
    transitionBig: integer('transition-big', values['transition-big'], 100_000),
    transitions: integer('transitions', values.transitions, quick ? 8 : 20),
    history: history === 'full' ? { decisions: 4, audit: 12, emails: 9, tokens: 4 } : { decisions: 1, audit: 3, emails: 3, tokens: 1 },
    writers: 8,
    writesEach: 25,
    dueGates,
    dueWindowSeconds: integer('due-window', values['due-window'], 60),
    openWorkflows: Math.max(dueGates + 200, integer('open', values.open, quick ? 1_200 : 10_000)),
    limitLevels: levels,
    pragmas: values['sqlite-pragma'] ?? DEV_SERVER_PRAGMAS,
    ferretDbParams: values['ferretdb-param'] ?? [],
    tuning: {
      maxCachedWorkflows: optional('cache', values.cache),
      maxConcurrentWorkflowTaskExecutions: optional('wft-slots', values['wft-slots']),
      maxConcurrentActivityTaskExecutions: optional('activity-slots', values['activity-slots']),
    },
    keep: values.keep!,
    budgets: quick
      ? { lifecycleRound: 120, fillCalm: 30, fillDue: 60, reminderWait: 60, readsPerView: 5, listRequest: 30, transition: 30, limitsLevel: 10 }
      : { lifecycleRound: 300, fillCalm: 120, fillDue: 120, reminderWait: 120, readsPerView: 20, listRequest: 120, transition: 120, limitsLevel: 20 },
  };
}

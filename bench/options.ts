// Command-line options of `npm run bench`.
import { parseArgs } from 'node:util';
import { STACK_PRAGMAS, type WorkerTuning } from './stack.js';

export const SCENARIO_IDS = ['lifecycle', 'escalation', 'reads', 'limits'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface BenchOptions {
  quick: boolean;
  only: ScenarioId[];
  /** Scenario 1 and 2: initiatives driven through all four gates per round. */
  initiatives: number;
  rounds: number;
  /** Scenario 3: initiatives in the database the console reads. */
  readScale: number;
  /** Scenario 4: open gates whose reminders fall due within `dueWindowSeconds`. */
  dueGates: number;
  dueWindowSeconds: number;
  /** Scenario 5: open workflows held by the worker (the due gates are among them). */
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
    limitsLevel: number;
  };
}

export const HELP = `npm run bench [-- options]

Starts the real stack on free ports (Temporal dev server, FerretDB, Mailpit; the API and the
workers as child processes), runs the scenarios with their baselines interleaved, prints a table
and writes bench/results/latest.json and bench/results/latest.md. See bench/README.md.

  --quick                about a minute per scenario instead of several (smaller numbers)
  --only LIST            comma-separated scenarios: ${SCENARIO_IDS.join(', ')}
                         (lifecycle = scenarios 1 and 2, escalation = 4 and 5, reads = 3,
                         limits = the SQLite limit probe)
  --initiatives N        initiatives per lifecycle round (default 1000, quick 100)
  --rounds N             lifecycle rounds, baseline and ours alternately (default 1)
  --read-scale N         initiatives in the database for console reads (default 100000, quick 10000)
  --due-gates N          open gates with reminders due in the window (default 10000, quick 500)
  --due-window S         seconds over which those reminders fall due (default 60, quick 10)
  --open N               open workflows for the worker footprint (default 10000, quick 1000)
  --limit-levels LIST    concurrent workflows per step of the limit probe
                         (default 25,100,250,1000; quick 50,250);
                         the probe stops at the first level where calls fail
  --sqlite-pragma P      Temporal dev server pragma, repeatable (default: the stack's
                         ${STACK_PRAGMAS.join(' ')})
  --ferretdb-param P     FerretDB SQLite URI parameter, repeatable, e.g. _txlock=immediate
                         (default: none, as the stack runs it)
  --cache N              worker sticky cache size (default: SDK default; the open-workflow
                         scenario always sizes it to hold every workflow)
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

export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      initiatives: { type: 'string' },
      rounds: { type: 'string' },
      'read-scale': { type: 'string' },
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
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SCENARIO_IDS];
  for (const id of only) if (!SCENARIO_IDS.includes(id as ScenarioId)) throw new Error(`--only: unknown scenario "${id}"; use ${SCENARIO_IDS.join(', ')}`);
  const levels = (values['limit-levels'] ?? (quick ? '50,250' : '25,100,250,1000')).split(',').map((s) => integer('limit-levels', s.trim(), 0));
  const optional = (name: string, value: string | undefined) => (value === undefined ? undefined : integer(name, value, 0));
  const dueGates = integer('due-gates', values['due-gates'], quick ? 500 : 10_000);
  return {
    quick,
    only: only as ScenarioId[],
    initiatives: integer('initiatives', values.initiatives, quick ? 100 : 1_000),
    rounds: integer('rounds', values.rounds, 1),
    readScale: integer('read-scale', values['read-scale'], quick ? 10_000 : 100_000),
    dueGates,
    dueWindowSeconds: integer('due-window', values['due-window'], quick ? 10 : 60),
    openWorkflows: Math.max(dueGates, integer('open', values.open, quick ? 1_000 : 10_000)),
    limitLevels: levels,
    pragmas: values['sqlite-pragma'] ?? STACK_PRAGMAS,
    ferretDbParams: values['ferretdb-param'] ?? [],
    tuning: {
      maxCachedWorkflows: optional('cache', values.cache),
      maxConcurrentWorkflowTaskExecutions: optional('wft-slots', values['wft-slots']),
      maxConcurrentActivityTaskExecutions: optional('activity-slots', values['activity-slots']),
    },
    keep: values.keep!,
    budgets: quick
      ? { lifecycleRound: 75, fillCalm: 20, fillDue: 25, reminderWait: 45, readsPerView: 5, limitsLevel: 10 }
      : { lifecycleRound: 150, fillCalm: 60, fillDue: 90, reminderWait: 120, readsPerView: 20, limitsLevel: 20 },
  };
}

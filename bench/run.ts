// `npm run bench [-- --quick]`: starts each candidate stack on free ports as `npm start` runs it,
// runs the scenarios with their baselines, prints a table and writes
// bench/results/latest.{json,md}. Exits non-zero on any 5xx answer or failed scenario.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { repoRoot } from '../stack/paths.js';
import { stopAll } from '../stack/processes.js';
import { DEFAULT_PUSHDOWN_INDEXES } from '../stack/services.js';
import { MissingGoError } from '../stack/tools.js';
import { workflowsPath } from '../worker/paths.js';
import { connectClients, type BenchContext } from './context.js';
import { startCpuMonitor } from './cpu.js';
import { HELP, parseOptions } from './options.js';
import { countServerErrors, goalsFor, machineInfo, printTable, writeReport, type BenchReport, type ScenarioResult } from './report.js';
import { runDatabases } from './scenarios/databases.js';
import { runEscalation } from './scenarios/escalation.js';
import { runLifecycle } from './scenarios/lifecycle.js';
import { runLimits, type Probe } from './scenarios/limits.js';
import { DEFAULT_STACK, PREVIOUS_STACK, sameStack, stackName, startBenchStack, type BenchStack, type StackChoice } from './stack.js';

const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: (m: string) => console.error(m) };

async function bundle(path: string, out: string): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: path, logger: quietLogger });
  writeFileSync(out, code);
  return out;
}

/** What the Temporal server and FerretDB logged as errors while a stack ran (SQLite lock errors by name). */
function serverLog(stack: BenchStack): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of ['temporal', 'ferretdb', 'postgres']) {
    const file = join(stack.dataDir, 'logs', `${name}.log`);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    counts[`${name}Errors`] = (text.match(/"level":"error"|\tERROR\t|ERROR: |FATAL: /g) ?? []).length;
    counts[`${name}SqliteBusy`] = (text.match(/SQLITE_BUSY|database is locked/g) ?? []).length;
  }
  return counts;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(HELP);
    return;
  }
  const started = Date.now();
  const machine = machineInfo();
  const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  const rootDir = mkdtempSync(join(tmpdir(), 'endringsporten-bench-'));
  // PostgreSQL runs as the postgres user (when the bench runs as root): it must reach its folder.
  chmodSync(rootDir, 0o711);
  const stopping = async (code: number) => {
    await stopAll();
    if (!options.keep) rmSync(rootDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stopping(130));
  process.on('SIGTERM', () => void stopping(143));

  log(`${options.quick ? 'quick' : 'full'} run; data and logs in ${rootDir}`);
  const [app, bare] = await Promise.all([
    bundle(workflowsPath, join(rootDir, 'app-workflows.js')),
    bundle(fileURLToPath(new URL('./bare-workflows.ts', import.meta.url)), join(rootDir, 'bare-workflows.js')),
  ]);

  // The stack keeps pushdown indexes on PostgreSQL only (stack/services.ts).
  const dbVariant = (database: string) => (DEFAULT_PUSHDOWN_INDEXES && database === 'postgresql' ? `${database}+gin` : database);
  const goalStacks = {
    default: { lifecycle: stackName(DEFAULT_STACK), database: `${DEFAULT_STACK.temporal}+${dbVariant(DEFAULT_STACK.database)}` },
    // The databases scenario runs under the default Temporal: the previous database backend is measured there.
    previous: { lifecycle: stackName(PREVIOUS_STACK), database: `${DEFAULT_STACK.temporal}+${PREVIOUS_STACK.database}` },
  };
  const scenarios: ScenarioResult[] = [];
  const limits: Probe[] = [];
  const notes: string[] = [];
  const serverLogs: Record<string, unknown> = {};
  const measured: string[] = [];
  const loads: number[] = [];
  const report = (): BenchReport => ({
    machine,
    settings: {
      mode: options.quick ? 'quick' : 'full',
      temporalCandidates: options.temporal,
      databaseBackends: options.databases,
      devServerPragmas: options.pragmas,
      ferretDbSqliteParams: options.ferretDbParams,
      workerTuning: options.tuning,
      initiatives: options.initiatives,
      readScales: options.readScales,
      transition: { small: options.transitionSmall, big: options.transitionBig, decisionsTimed: options.transitions, historyPerInitiative: options.history },
      lostWrites: { writers: options.writers, writesEach: options.writesEach },
      dueGates: options.dueGates,
      dueWindowSeconds: options.dueWindowSeconds,
      openWorkflows: options.openWorkflows,
      limitLevels: options.limitLevels,
      timeCapsSeconds: options.budgets,
      only: options.only,
    },
    stacks: { default: stackName(DEFAULT_STACK), previous: stackName(PREVIOUS_STACK), measured, serverLogs },
    goals: goalsFor(scenarios, goalStacks),
    scenarios: [...scenarios],
    limits,
    notes,
    serverErrors: countServerErrors(scenarios),
    durationSeconds: (Date.now() - started) / 1000,
    loadAverages: loads,
  });
  const resultsDir = join(repoRoot, 'bench', 'results');
  // Work abandoned at a time cap may still fail in the background; that must not end the run.
  process.on('unhandledRejection', (reason) => log(`ignored a late failure of abandoned work: ${String(reason).split('\n')[0]}`));
  process.on('uncaughtException', (error) => {
    notes.push(`uncaught error (ignored): ${error.message}`);
    log(`ignored an uncaught error: ${error.message}`);
  });

  const run = async (ctx: BenchContext, name: string, body: () => Promise<ScenarioResult[] | void>) => {
    const t = Date.now();
    const cpu = startCpuMonitor();
    try {
      const results = (await body()) ?? [];
      const load = cpu.report();
      for (const entry of results) {
        entry.stack ??= ctx.stack.name;
        entry.details = { ...entry.details, cpu: load };
      }
      scenarios.push(...results);
      log(`${name} on ${ctx.stack.name}: machine busy ${load.machineBusyCores} of ${load.cores} cores on average, ${load.otherCores} of them not the bench`);
    } catch (error) {
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      notes.push(`${name} on ${ctx.stack.name} failed: ${message.split('\n')[0]}`);
      log(`${name} on ${ctx.stack.name} FAILED: ${message}`);
    }
    cpu.stop();
    loads.push(Number(loadavg()[0].toFixed(2)));
    log(`${name} on ${ctx.stack.name} took ${((Date.now() - t) / 1000).toFixed(0)} s`);
    // Written after every scenario, so a run stopped later still leaves what it measured.
    writeReport(resultsDir, report());
  };

  const withStack = async (choice: StackChoice, body: (ctx: BenchContext) => Promise<void>, extra: { pushdownIndexes?: boolean } = {}) => {
    const name = stackName(choice);
    let stack: BenchStack;
    try {
      stack = await startBenchStack(rootDir, choice, { devServerPragmas: options.pragmas, ferretDbSqliteParams: options.ferretDbParams, ...extra });
    } catch (error) {
      notes.push(`stack ${name} failed to start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      log(`stack ${name} FAILED to start: ${String(error)}`);
      return;
    }
    if (!measured.includes(name)) measured.push(name);
    const clients = await connectClients(stack);
    const ctx: BenchContext = { options, stack, dataDir: rootDir, logDir: join(stack.dataDir, 'logs'), bundles: { app, bare }, temporal: clients.temporal, mongo: clients.mongo, log };
    log(`stack ${name} up: Temporal ${stack.temporalAddress}, database ${stack.mongodbBase}, Mailpit ${stack.mailboxUrl}`);
    try {
      await body(ctx);
    } finally {
      await clients.connection.close().catch(() => {});
      await clients.mongo.close().catch(() => {});
      await stack.stop();
      serverLogs[name] = serverLog(stack);
    }
  };

  // Goals 1–3 and the limit probe per Temporal candidate (on the default database backend), the
  // reminders on the default and the previous stack; goals 5–6 per database backend.
  const temporalStacks: StackChoice[] = options.temporal.map((temporal) => ({ temporal, database: DEFAULT_STACK.database }));
  for (const extra of [DEFAULT_STACK, PREVIOUS_STACK]) if (!temporalStacks.some((s) => sameStack(s, extra))) temporalStacks.push(extra);
  for (const choice of temporalStacks) {
    const candidate = options.temporal.includes(choice.temporal) && choice.database === DEFAULT_STACK.database;
    const goalStack = sameStack(choice, DEFAULT_STACK) || sameStack(choice, PREVIOUS_STACK);
    const wanted = (options.only.includes('lifecycle') && (candidate || goalStack)) || (options.only.includes('limits') && candidate) || (options.only.includes('escalation') && goalStack);
    if (!wanted) continue;
    await withStack(choice, async (ctx) => {
      if (options.only.includes('lifecycle')) await run(ctx, 'lifecycle', () => runLifecycle(ctx));
      if (options.only.includes('limits') && candidate) {
        await run(ctx, 'limits', async () => {
          limits.push(await runLimits(ctx));
        });
      }
      if (options.only.includes('escalation') && goalStack) await run(ctx, 'escalation', () => runEscalation(ctx));
    });
  }
  if (options.only.includes('databases')) {
    for (const database of options.databases) {
      // Without the stack's own index keeping: the scenario measures both, on the same data.
      await withStack({ temporal: DEFAULT_STACK.temporal, database }, async (ctx) => run(ctx, 'databases', () => runDatabases(ctx)), { pushdownIndexes: false });
    }
  }

  const final = report();
  writeReport(resultsDir, final);
  printTable(final);
  console.log(`\nwrote bench/results/latest.json and latest.md in ${Math.round(final.durationSeconds)} s`);
  const failed = notes.some((n) => n.includes('failed'));
  if (final.serverErrors > 0) console.log(`\n${final.serverErrors} requests were answered 5xx: exiting non-zero (see details.http.byKind per scenario)`);
  await stopping(failed || final.serverErrors > 0 ? 1 : 0);
}

main().catch(async (error) => {
  console.error(error instanceof MissingGoError ? `\n${error.message}\n` : error);
  await stopAll();
  process.exit(1);
});

// `npm run bench [-- --quick]`: starts the real stack on free ports, runs the scenarios with their
// baselines, prints a table and writes bench/results/latest.{json,md}.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { repoRoot } from '../stack/paths.js';
import { stopAll } from '../stack/processes.js';
import { MissingGoError } from '../stack/tools.js';
import { workflowsPath } from '../worker/paths.js';
import { connectClients, type BenchContext } from './context.js';
import { startCpuMonitor } from './cpu.js';
import { HELP, parseOptions } from './options.js';
import { machineInfo, printTable, writeReport, type BenchReport, type Limits, type ScenarioResult } from './report.js';
import { runEscalation } from './scenarios/escalation.js';
import { runLifecycle } from './scenarios/lifecycle.js';
import { runLimits } from './scenarios/limits.js';
import { runReads } from './scenarios/reads.js';
import { startBenchStack } from './stack.js';

const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: (m: string) => console.error(m) };

async function bundle(path: string, out: string): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: path, logger: quietLogger });
  writeFileSync(out, code);
  return out;
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
  const dataDir = mkdtempSync(join(tmpdir(), 'endringsporten-bench-'));
  const stopping = async (code: number) => {
    await stopAll();
    if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stopping(130));
  process.on('SIGTERM', () => void stopping(143));

  log(`${options.quick ? 'quick' : 'full'} run; data and logs in ${dataDir}`);
  const [stack, app, bare] = await Promise.all([
    startBenchStack(dataDir, options.pragmas, options.ferretDbParams),
    bundle(workflowsPath, join(dataDir, 'app-workflows.js')),
    bundle(fileURLToPath(new URL('./bare-workflows.ts', import.meta.url)), join(dataDir, 'bare-workflows.js')),
  ]);
  const clients = await connectClients(stack);
  const ctx: BenchContext = { options, stack, dataDir, logDir: join(dataDir, 'logs'), bundles: { app, bare }, temporal: clients.temporal, mongo: clients.mongo, log };
  log(`stack up: Temporal ${stack.temporal.address}, database ${stack.mongodbBase}, Mailpit ${stack.mailboxUrl}`);

  const scenarios: ScenarioResult[] = [];
  const notes: string[] = [];
  let limits: Limits | null = null;
  const report = (): BenchReport => ({
    machine,
    settings: {
      mode: options.quick ? 'quick' : 'full',
      sqlitePragmas: options.pragmas,
      ferretDbSqliteParams: options.ferretDbParams,
      workerTuning: options.tuning,
      initiatives: options.initiatives,
      rounds: options.rounds,
      readScale: options.readScale,
      dueGates: options.dueGates,
      dueWindowSeconds: options.dueWindowSeconds,
      openWorkflows: options.openWorkflows,
      limitLevels: options.limitLevels,
      timeCapsSeconds: options.budgets,
      only: options.only,
    },
    scenarios: [...scenarios].sort((a, b) => a.scenario - b.scenario),
    limits,
    notes,
    durationSeconds: (Date.now() - started) / 1000,
  });
  const resultsDir = join(repoRoot, 'bench', 'results');
  // Work abandoned at a time cap may still fail in the background; that must not end the run.
  process.on('unhandledRejection', (reason) => log(`ignored a late failure of abandoned work: ${String(reason).split('\n')[0]}`));
  process.on('uncaughtException', (error) => {
    notes.push(`uncaught error (ignored): ${error.message}`);
    log(`ignored an uncaught error: ${error.message}`);
  });
  const run = async (name: string, body: () => Promise<void>) => {
    const t = Date.now();
    const cpu = startCpuMonitor();
    const before = scenarios.length;
    try {
      await body();
      const load = cpu.report();
      for (const entry of scenarios.slice(before)) entry.details = { ...entry.details, cpu: load };
      log(`${name}: machine busy ${load.machineBusyCores} of ${load.cores} cores on average, ${load.otherCores} of them not the bench`);
    } catch (error) {
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      notes.push(`${name} failed: ${message.split('\n')[0]}`);
      log(`${name} FAILED: ${message}`);
    }
    cpu.stop();
    log(`${name} took ${((Date.now() - t) / 1000).toFixed(0)} s`);
    // Written after every scenario, so a run stopped later still leaves what it measured.
    writeReport(resultsDir, report());
  };
  if (options.only.includes('lifecycle')) await run('lifecycle', async () => void scenarios.push(...(await runLifecycle(ctx))));
  if (options.only.includes('escalation')) await run('escalation', async () => void scenarios.push(...(await runEscalation(ctx))));
  if (options.only.includes('reads')) await run('reads', async () => void scenarios.push(...(await runReads(ctx))));
  if (options.only.includes('limits')) {
    await run('limits', async () => {
      limits = await runLimits(ctx);
    });
  }

  await clients.connection.close();
  await clients.mongo.close();
  const final = report();
  writeReport(resultsDir, final);
  printTable(final);
  console.log(`\nwrote bench/results/latest.json and latest.md in ${Math.round(final.durationSeconds)} s`);
  await stopping(notes.some((n) => n.includes('failed')) ? 1 : 0);
}

main().catch(async (error) => {
  console.error(error instanceof MissingGoError ? `\n${error.message}\n` : error);
  await stopAll();
  process.exit(1);
});

// Builds the embedded services' binaries once into .tools/bin with the Go toolchain,
// or finds them on PATH. Later starts reuse the binaries (and Go's caches make rebuilds quick).
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, cpSync, chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { repoRoot } from './paths.js';

export type ToolName = 'temporal' | 'temporal-server' | 'temporal-sql-tool' | 'temporal-ui' | 'ferretdb' | 'mailpit';

interface ToolRecipe {
  module: string;
  version: string;
  purpose: string;
  overrideVariable: string;
  /** How long the first build (empty Go caches) takes on a 2-core machine like ours. */
  firstBuild: string;
  /** What `go install` names the binary when that is not the tool's name (several are called `server`). */
  installedAs?: string;
}

const recipes: Record<ToolName, ToolRecipe> = {
  temporal: {
    module: 'github.com/temporalio/cli/cmd/temporal',
    version: 'v1.5.1',
    purpose: 'the Temporal CLI, whose dev server runs the workflows',
    overrideVariable: 'TEMPORAL_ADDRESS',
    // Measured: 4–5 minutes of the first `npm test` on a 2-core machine.
    firstBuild: 'about 4–5 minutes',
  },
  // The Temporal server itself (not the CLI's dev server): SQLite with several connections (#9730)
  // or PostgreSQL, a few history shards. Its go.mod asks for Go 1.26.8; its schemas are embedded.
  'temporal-server': {
    module: 'go.temporal.io/server/cmd/server',
    version: 'v1.32.1',
    purpose: 'the Temporal server',
    overrideVariable: 'TEMPORAL_ADDRESS',
    installedAs: 'server',
    // Not timed on empty caches; the CLI embeds the same server and takes 4–5 minutes.
    firstBuild: 'about 4–6 minutes',
  },
  // Creates and migrates the Temporal server's PostgreSQL schema from the schemas embedded in it.
  'temporal-sql-tool': {
    module: 'go.temporal.io/server/cmd/tools/sql',
    version: 'v1.32.1',
    purpose: "the Temporal server's SQL schema tool",
    overrideVariable: 'TEMPORAL_ADDRESS',
    installedAs: 'sql',
    // Shares most packages with the server, so it is quick once the server is built.
    firstBuild: 'about a minute after the server',
  },
  // The Web UI the dev server has built in, for the Temporal server (the same ui-server the CLI embeds).
  'temporal-ui': {
    module: 'github.com/temporalio/ui-server/v2/cmd/server',
    version: 'v2.42.1',
    purpose: 'the Temporal Web UI',
    overrideVariable: 'TEMPORAL_ADDRESS',
    installedAs: 'server',
    // Not timed on empty caches: a small Go program with the UI's assets embedded.
    firstBuild: 'about 1–2 minutes',
  },
  ferretdb: {
    module: 'github.com/FerretDB/FerretDB/cmd/ferretdb',
    version: 'v1.24.2',
    purpose: 'FerretDB, the MongoDB-compatible database',
    overrideVariable: 'MONGODB_URI',
    // Measured: 5.7 minutes with empty caches (download included) on 2 cores shared with other builds.
    firstBuild: 'about 4–6 minutes',
  },
  mailpit: {
    module: 'github.com/axllent/mailpit',
    version: 'v1.33.1',
    purpose: 'Mailpit, the local SMTP catcher with a web mailbox',
    overrideVariable: 'SMTP_URL',
    // Measured: 4.4 minutes with empty caches on 2 cores shared with other builds.
    firstBuild: 'about 3–5 minutes',
  },
};

// TOOLS_DIR lets a test point at an empty folder to see what a machine without the tools gets.
export const toolsBin = process.env.TOOLS_DIR ?? join(repoRoot, '.tools', 'bin');

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export class MissingGoError extends Error {}

function requireGo(tool: ToolName): void {
  if (onPath('go')) return;
  const recipe = recipes[tool];
  throw new MissingGoError(
    `Go is needed once to build ${recipe.purpose}, and it is not installed.\n` +
      `  Install Go ${tool === 'temporal-server' || tool === 'temporal-sql-tool' ? "1.26.8 or newer (the Temporal server's go.mod asks for it)" : '1.22 or newer'} (https://go.dev/dl/, or "apt-get install golang" on Debian),\n` +
      `  or set ${recipe.overrideVariable} to use a ${recipe.overrideVariable === 'TEMPORAL_ADDRESS' ? 'running Temporal server' : tool === 'ferretdb' ? 'running MongoDB' : 'running SMTP server'} instead.`,
  );
}

/** What the first start says before a build: which tool, from where, and how long it usually takes. */
export function buildNotice(tool: ToolName): string {
  const recipe = recipes[tool];
  return (
    `[setup] building ${tool} — ${recipe.purpose} (${recipe.module}@${recipe.version}) — into .tools/bin.\n` +
    `[setup]   This happens once; on a 2-core machine the first build usually takes ${recipe.firstBuild}. Later starts reuse it.`
  );
}

/** The heartbeat line while a build prints nothing. */
export const buildProgress = (tool: ToolName, seconds: number) => `[setup]   ... still building ${tool} (${seconds} s; usually ${recipes[tool].firstBuild} the first time)`;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, tool?: ToolName): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    // A heartbeat, because the first build prints nothing for minutes.
    const started = Date.now();
    const heartbeat = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stdout.write(`${tool ? buildProgress(tool, seconds) : `[setup]   ... still building (${seconds} s)`}\n`);
    }, 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(heartbeat);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
}

// FerretDB's `go install` binary panics at start-up because the module lacks its generated
// build/version/version.txt; build the same tagged source with that file written in.
async function buildFerretDb(recipe: ToolRecipe, env: NodeJS.ProcessEnv): Promise<void> {
  const download = spawnSync('go', ['mod', 'download', '-json', `github.com/FerretDB/FerretDB@${recipe.version}`], {
    encoding: 'utf8',
    env,
  });
  if (download.status !== 0) throw new Error(`go mod download failed: ${download.stderr}`);
  const moduleDir = JSON.parse(download.stdout).Dir as string;
  const workDir = mkdtempSync(join(tmpdir(), 'ferretdb-src-'));
  try {
    cpSync(moduleDir, workDir, { recursive: true });
    spawnSync('chmod', ['-R', 'u+w', workDir]);
    writeFileSync(join(workDir, 'build', 'version', 'version.txt'), `${recipe.version}\n`);
    await run('go', ['build', '-trimpath', '-o', join(toolsBin, 'ferretdb'), './cmd/ferretdb'], workDir, {
      ...env,
      GOFLAGS: '-mod=mod',
    }, 'ferretdb');
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

// `go install` names a binary after its package folder, and three of ours are `server`: each build
// gets a GOBIN of its own, and the binary is moved to its tool name.
async function goInstall(tool: ToolName, recipe: ToolRecipe, env: NodeJS.ProcessEnv): Promise<void> {
  const gobin = mkdtempSync(join(tmpdir(), `${tool}-bin-`));
  try {
    await run('go', ['install', `${recipe.module}@${recipe.version}`], process.cwd(), { ...env, GOBIN: gobin }, tool);
    renameOrCopy(join(gobin, recipe.installedAs ?? tool), join(toolsBin, tool));
  } finally {
    rmSync(gobin, { recursive: true, force: true });
  }
}

function renameOrCopy(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    // another file system (tmp on tmpfs)
    copyFileSync(from, to);
  }
}

const building = new Map<ToolName, Promise<string>>();

/** Path of the tool's binary: .tools/bin first, then PATH, else built now (once). */
export function ensureTool(tool: ToolName): Promise<string> {
  // Two services may need the same tool at once (the bench starts stacks side by side): one build.
  let pending = building.get(tool);
  if (!pending) {
    pending = findOrBuild(tool);
    building.set(tool, pending);
    pending.catch(() => building.delete(tool));
  }
  return pending;
}

async function findOrBuild(tool: ToolName): Promise<string> {
  const local = join(toolsBin, tool);
  if (existsSync(local)) return local;
  const global = onPath(tool);
  if (global) return global;

  requireGo(tool);
  const recipe = recipes[tool];
  mkdirSync(toolsBin, { recursive: true });
  console.log(buildNotice(tool));
  const env = { ...process.env, GOBIN: toolsBin, GOFLAGS: '' };
  const buildStarted = Date.now();
  if (tool === 'ferretdb') await buildFerretDb(recipe, env);
  else await goInstall(tool, recipe, env);
  chmodSync(local, 0o755);
  console.log(`[setup] built ${tool} in ${Math.round((Date.now() - buildStarted) / 1000)} s`);
  return local;
}

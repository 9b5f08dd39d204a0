// `npm start` as a person runs it: ready with the console, Temporal UI and mailbox printed; SIGTERM
// leaves no process behind; the next start finds the same data quickly.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../stack/ports.js';
import { repoRoot } from '../../stack/paths.js';

const dataDir = mkdtempSync(join(tmpdir(), 'endringsporten-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  ready: Promise<number>;
  exited: Promise<number | null>;
}

function start(env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'stack/start.ts')], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, DEMO_DATA: 'false', ...env },
  });
  let output = '';
  const began = Date.now();
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Endringsporten is ready')) {
        clearTimeout(timer);
        resolve(Date.now() - began);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, ready, exited };
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

function descendants(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return children.flatMap((child) => [child, ...descendants(child)]);
}

describe('npm start', () => {
  it('starts everything, stops everything on SIGTERM, and a second start finds the same data', async () => {
    const port = await freePort();
    const first = start({ PORT: String(port) });
    await first.ready;
    const banner = first.output();
    expect(banner).toContain(`Console       http://localhost:${port}`);
    expect(banner).toMatch(/Temporal UI\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(banner).toMatch(/Mailbox\s+http:\/\/127\.0\.0\.1:\d+/);
    const [, email, password] = banner.match(/Log in as\s+(\S+) \/ (\S+)/)!;
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = cookie.match(/ep_csrf=([^;]+)/)![1];
    const goal = await fetch(`http://127.0.0.1:${port}/api/goals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({ code: 'VARIG-1', title: 'Overlever en omstart', weight: 2 }),
    });
    expect(goal.status).toBe(201);
    const started = descendants(first.child.pid!);
    expect(started.length).toBeGreaterThanOrEqual(5);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(started.filter(alive)).toEqual([]);

    const second = start({ PORT: String(port) });
    const readyAfter = await second.ready;
    expect(readyAfter).toBeLessThan(30_000);
    expect(second.output()).toContain(`${email} / ${password}`);
    const again = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const cookie2 = again.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const goals = await fetch(`http://127.0.0.1:${port}/api/goals`, { headers: { cookie: cookie2 } }).then((r) => r.json());
    expect(goals.map((g: { code: string }) => g.code)).toContain('VARIG-1');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 240_000);

  it('without Go and without overrides, says exactly what to install or which variable to set', async () => {
    const noTools = mkdtempSync(join(tmpdir(), 'no-tools-'));
    const run = start({ TOOLS_DIR: noTools, PATH: '/usr/local/nonexistent', TEMPORAL_ADDRESS: '', MONGODB_URI: '', SMTP_URL: '' });

    const code = await run.exited;

    expect(code).toBe(1);
    expect(run.output()).toMatch(/Go is needed once to build/);
    expect(run.output()).toMatch(/Install Go/);
    expect(run.output()).toMatch(/TEMPORAL_ADDRESS|MONGODB_URI|SMTP_URL/);
    rmSync(noTools, { recursive: true, force: true });
  }, 60_000);
});

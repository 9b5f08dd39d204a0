// How busy the machine was during a run, and how much of that was not the bench: other work on a
// shared machine skews every figure, so the report says how much there was.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TICKS_PER_SECOND = 100;

function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + (fields[4] ?? 0);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

/** Which part of the stack a process is, from its command line. */
function roleOf(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    for (const [role, mark] of [['ferretdb', 'ferretdb'], ['temporal', 'temporal'], ['mailpit', 'mailpit'], ['postgres', 'postgres'], ['worker', 'worker-process.ts'], ['api', 'api/server.ts']]) {
      if (cmd.includes(mark)) return role;
    }
    return 'bench';
  } catch {
    return 'bench';
  }
}

/** CPU ticks used so far by each process in the tree under `root` (itself included). */
function treeTicks(root: number): Map<number, number> {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended while being read
    }
  }
  const mine = new Map<number, number>();
  for (const [pid, value] of ticks) {
    for (let p: number | undefined = pid, hops = 0; p && hops < 20; p = parent.get(p), hops++) {
      if (p === root) {
        mine.set(pid, value);
        break;
      }
    }
  }
  return mine;
}

export interface CpuReport {
  cores: number;
  /** Average cores busy on the whole machine, by the bench's processes, and by everything else. */
  machineBusyCores: number;
  benchCores: number;
  otherCores: number;
  /** The bench's share by part of the stack (bench = the load generator itself). */
  byProcess: Record<string, number>;
}

export function startCpuMonitor(intervalMs = 2_000) {
  let lastMachine = machineTicks();
  let lastTree = treeTicks(process.pid);
  let busy = 0;
  let mine = 0;
  let elapsed = 0;
  const roles = new Map<number, string>();
  const byRole: Record<string, number> = {};
  const sample = () => {
    const machine = machineTicks();
    const tree = treeTicks(process.pid);
    busy += machine.busy - lastMachine.busy;
    elapsed += machine.total - lastMachine.total;
    for (const [pid, value] of tree) {
      const delta = value - (lastTree.get(pid) ?? value);
      mine += delta;
      if (!roles.has(pid)) roles.set(pid, roleOf(pid));
      const role = roles.get(pid)!;
      byRole[role] = (byRole[role] ?? 0) + delta;
    }
    lastMachine = machine;
    lastTree = tree;
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    report(): CpuReport {
      sample();
      const cores = cpus().length;
      // `elapsed` counts ticks over all cores; seconds of wall time are elapsed / cores.
      const seconds = elapsed / cores / TICKS_PER_SECOND;
      const per = (t: number) => Number((t / TICKS_PER_SECOND / Math.max(seconds, 0.001)).toFixed(2));
      const byProcess = Object.fromEntries(Object.entries(byRole).sort(([, a], [, b]) => b - a).map(([role, t]) => [role, per(t)]));
      return { cores, machineBusyCores: per(busy), benchCores: per(mine), otherCores: per(Math.max(0, busy - mine)), byProcess };
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** A server process's CPU time and memory, read from Linux's `/proc/<pid>/stat` and `/proc/<pid>/status`. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface CpuTime {
  /** utime + stime of the process itself, in ms */
  readonly selfMs: number;
  /** cutime + cstime: the children it has waited for (the forked hook scripts), in ms */
  readonly childrenMs: number;
}

export interface Memory {
  readonly rssMiB: number;
  /** RssAnon: the heap and stacks, what a memory limit really squeezes (file pages can be dropped) */
  readonly anonMiB: number;
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const text = execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim();
    const parsed = Number.parseInt(text, 10);
    ticksPerSecond = Number.isFinite(parsed) && parsed > 0 ? parsed : 100;
  }
  return ticksPerSecond;
}

/** proc(5): fields after the `(comm)`, which may itself hold spaces and parentheses. */
export function readCpuTime(pid: number): CpuTime {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime, stime, cutime, cstime are fields 14–17.
  const tick = (field: number): number => Number(fields[field - 3] ?? 'NaN');
  const ms = 1000 / clockTicks();
  return { selfMs: (tick(14) + tick(15)) * ms, childrenMs: (tick(16) + tick(17)) * ms };
}

export function totalCpuMs(time: CpuTime): number {
  return time.selfMs + time.childrenMs;
}

function kibField(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] === undefined ? Number.NaN : Number(match[1]);
}

export function readMemory(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rssMiB: kibField(status, 'VmRSS') / 1024, anonMiB: kibField(status, 'RssAnon') / 1024 };
}

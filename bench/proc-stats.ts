/** A server process's CPU time and memory, read from Linux's `/proc/<pid>/…` files. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuTime {
  /** time on CPU of the process's threads (schedstat, ns resolution), in ms */
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

/**
 * The sum over the live threads of `/proc/<pid>/task/<tid>/schedstat`'s first field (ns on CPU):
 * utime + stime count in 10 ms ticks, too coarse for a call that takes less than one.
 */
function threadsCpuMs(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread exited between the listing and the read
    }
  }
  return ns / 1e6;
}

/** proc(5): fields after the `(comm)`, which may itself hold spaces and parentheses. */
export function readCpuTime(pid: number): CpuTime {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): cutime, cstime are fields 16–17.
  const tick = (field: number): number => Number(fields[field - 3] ?? 'NaN');
  const ms = 1000 / clockTicks();
  return { selfMs: threadsCpuMs(pid), childrenMs: (tick(16) + tick(17)) * ms };
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

/**
 * KubeVirt's hook sidecar limits (Guaranteed QoS or dedicated CPUs: 64M memory, 200m CPU) as a
 * cgroup of this machine, v1 or v2, for tests and the benchmark to run the built server in. Needs
 * root and a writable cgroup file system; `sidecarCgroup` says why when the machine has neither.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Kubernetes' `64M` is 64 000 000 bytes (not MiB). */
export const SIDECAR_MEMORY_BYTES = 64_000_000;
/** 200m CPU: 20 ms of every 100 ms period. */
const CPU_PERIOD_US = 100_000;
const CPU_QUOTA_US = 20_000;

export interface SidecarCgroup {
  readonly version: 'v1' | 'v2';
  readonly name: string;
  /** whether the 200m CPU quota applies (else memory only) */
  readonly cpuLimited: boolean;
  /** `sh -c` that moves itself into the cgroup, then execs `command args…` */
  wrap(command: string, args: readonly string[]): { command: string; args: string[] };
  /** the highest memory charge seen, bytes (undefined where the kernel does not record it) */
  peakBytes(): number | undefined;
  /** CPU time its processes used so far, all threads and children, ms (undefined where not accounted) */
  cpuMs(): number | undefined;
  /** processes the kernel's OOM killer ended in this cgroup */
  oomKills(): number | undefined;
  /** remove the cgroup; its processes must have exited */
  remove(): void;
}

export type CgroupResult =
  | { readonly ok: true; readonly cgroup: SidecarCgroup }
  | { readonly ok: false; readonly reason: string };

const ROOT = '/sys/fs/cgroup';

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readNumber(path: string): number | undefined {
  try {
    const value = Number(readFileSync(path, 'utf8').trim());
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `oom_kill N` from memory.oom_control (v1) or memory.events (v2). */
function oomKillCount(path: string): number | undefined {
  try {
    const match = /^oom_kill (\d+)$/m.exec(readFileSync(path, 'utf8'));
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function wrapper(taskFiles: readonly string[]) {
  const moves = taskFiles.map((file) => `echo $$ > ${shellQuote(file)}`).join(' && ');
  return (command: string, args: readonly string[]) => ({
    command: '/bin/sh',
    args: ['-c', `${moves} && exec "$@"`, 'sidecar-cgroup', command, ...args],
  });
}

/**
 * v1's CPU accounting: `cpuacct.usage` (ns) in the cpu hierarchy when the two controllers share a
 * mount (`cpu,cpuacct`), else in a cgroup of the same name in the cpuacct hierarchy.
 */
function v1Accounting(cpuDir: string, name: string): { dir: string; own: boolean } | undefined {
  if (existsSync(join(cpuDir, 'cpuacct.usage'))) return { dir: cpuDir, own: false };
  if (!existsSync(join(ROOT, 'cpuacct', 'tasks'))) return undefined;
  const dir = join(ROOT, 'cpuacct', name);
  mkdirSync(dir, { recursive: true });
  return { dir, own: true };
}

function v1(name: string, cpu: boolean): SidecarCgroup {
  const memory = join(ROOT, 'memory', name);
  const cpuDir = join(ROOT, 'cpu', name);
  mkdirSync(memory, { recursive: true });
  mkdirSync(cpuDir, { recursive: true });
  const accounting = v1Accounting(cpuDir, name);
  const own = accounting?.own === true ? [accounting.dir] : [];
  writeFileSync(join(memory, 'memory.limit_in_bytes'), String(SIDECAR_MEMORY_BYTES));
  writeFileSync(join(cpuDir, 'cpu.cfs_period_us'), String(CPU_PERIOD_US));
  writeFileSync(join(cpuDir, 'cpu.cfs_quota_us'), cpu ? String(CPU_QUOTA_US) : '-1');
  return {
    version: 'v1',
    name,
    cpuLimited: cpu,
    wrap: wrapper([memory, cpuDir, ...own].map((dir) => join(dir, 'tasks'))),
    peakBytes: () => readNumber(join(memory, 'memory.max_usage_in_bytes')),
    cpuMs: () => {
      const ns =
        accounting === undefined ? undefined : readNumber(join(accounting.dir, 'cpuacct.usage'));
      return ns === undefined ? undefined : ns / 1e6;
    },
    oomKills: () => oomKillCount(join(memory, 'memory.oom_control')),
    remove: () => [memory, cpuDir, ...own].forEach((dir) => rmdirSync(dir)),
  };
}

function v2(name: string, cpu: boolean): SidecarCgroup {
  const dir = join(ROOT, name);
  // the controllers must be enabled for children of the root (best effort: a container's root may refuse)
  try {
    writeFileSync(join(ROOT, 'cgroup.subtree_control'), '+memory +cpu');
  } catch {
    // already enabled, or not ours to change: memory.max below then fails and says so
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'memory.max'), String(SIDECAR_MEMORY_BYTES));
  writeFileSync(
    join(dir, 'cpu.max'),
    cpu ? `${CPU_QUOTA_US} ${CPU_PERIOD_US}` : `max ${CPU_PERIOD_US}`,
  );
  return {
    version: 'v2',
    name,
    cpuLimited: cpu,
    wrap: wrapper([join(dir, 'cgroup.procs')]),
    peakBytes: () => readNumber(join(dir, 'memory.peak')),
    cpuMs: () => {
      const usec = /^usage_usec (\d+)$/m.exec(readText(join(dir, 'cpu.stat')) ?? '')?.[1];
      return usec === undefined ? undefined : Number(usec) / 1000;
    },
    oomKills: () => oomKillCount(join(dir, 'memory.events')),
    remove: () => rmdirSync(dir),
  };
}

/**
 * A fresh cgroup named `name` (make it unique: tests run in parallel) with the sidecar's memory
 * limit and, when `cpu`, its 200m CPU quota.
 */
export function sidecarCgroup(name: string, options: { readonly cpu: boolean }): CgroupResult {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'not root' };
  try {
    if (existsSync(join(ROOT, 'memory', 'tasks')) && existsSync(join(ROOT, 'cpu', 'tasks')))
      return { ok: true, cgroup: v1(name, options.cpu) };
    if (existsSync(join(ROOT, 'cgroup.controllers')))
      return { ok: true, cgroup: v2(name, options.cpu) };
    return { ok: false, reason: `no cgroup v1 memory and cpu hierarchies or v2 under ${ROOT}` };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

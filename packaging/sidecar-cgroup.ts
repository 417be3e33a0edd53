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
  /** processes the kernel's OOM killer ended in this cgroup */
  oomKills(): number | undefined;
  /** remove the cgroup; its processes must have exited */
  remove(): void;
}

export type CgroupResult =
  | { readonly ok: true; readonly cgroup: SidecarCgroup }
  | { readonly ok: false; readonly reason: string };

const ROOT = '/sys/fs/cgroup';

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

function v1(name: string, cpu: boolean): SidecarCgroup {
  const memory = join(ROOT, 'memory', name);
  const cpuDir = join(ROOT, 'cpu', name);
  mkdirSync(memory, { recursive: true });
  mkdirSync(cpuDir, { recursive: true });
  writeFileSync(join(memory, 'memory.limit_in_bytes'), String(SIDECAR_MEMORY_BYTES));
  writeFileSync(join(cpuDir, 'cpu.cfs_period_us'), String(CPU_PERIOD_US));
  writeFileSync(join(cpuDir, 'cpu.cfs_quota_us'), cpu ? String(CPU_QUOTA_US) : '-1');
  return {
    version: 'v1',
    name,
    cpuLimited: cpu,
    wrap: wrapper([join(memory, 'tasks'), join(cpuDir, 'tasks')]),
    peakBytes: () => readNumber(join(memory, 'memory.max_usage_in_bytes')),
    oomKills: () => oomKillCount(join(memory, 'memory.oom_control')),
    remove: () => [memory, cpuDir].forEach((dir) => rmdirSync(dir)),
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

/**
 * The conditions every server is measured in: without a CPU limit, and inside KubeVirt's sidecar
 * limits (200m CPU), both in a 64M memory cgroup when the machine allows it (root, a writable
 * cgroup file system); otherwise unconfined, and the report says why.
 */
import { sidecarCgroup, type SidecarCgroup } from '../packaging/sidecar-cgroup.js';

export type ConditionName = 'unthrottled' | 'throttled';

export interface Condition {
  readonly name: ConditionName;
  readonly label: string;
  readonly cpuLimited: boolean;
  /** each process runs in its own 64M cgroup */
  readonly inCgroup: boolean;
}

/** One process's cgroup (or none): how to start a command in it, its memory peak, and its removal. */
export interface Confinement {
  wrap(command: string, args: readonly string[]): { command: string; args: string[] };
  /** the cgroup's highest memory charge, MiB (undefined without a cgroup) */
  peakMiB(): number | undefined;
  /** CPU time of everything in the cgroup so far, ms (undefined without a cgroup) */
  cpuMs(): number | undefined;
  /** remove the cgroup once its process has exited */
  release(): void;
}

const UNCONFINED: Confinement = {
  wrap: (command, args) => ({ command, args: [...args] }),
  peakMiB: () => undefined,
  cpuMs: () => undefined,
  release: () => undefined,
};

/** cgroups made so far: each gets a unique name, as parallel runs need */
let madeCount = 0;

/** No cgroup at all: where the machine allows none, and for references that must not be limited. */
export const NO_LIMITS: Condition = {
  name: 'unthrottled',
  label: 'no limits',
  cpuLimited: false,
  inCgroup: false,
};

export function benchConditions(useCgroups: boolean): {
  readonly conditions: readonly Condition[];
  readonly note?: string;
} {
  const bare = NO_LIMITS;
  if (!useCgroups) return { conditions: [bare], note: 'no cgroups (--no-cgroup)' };
  const probe = sidecarCgroup(`hookpatch-bench-probe-${process.pid}`, { cpu: true });
  if (!probe.ok) return { conditions: [bare], note: `no sidecar cgroup: ${probe.reason}` };
  probe.cgroup.remove();
  return {
    conditions: [
      { name: 'unthrottled', label: 'no CPU limit, 64M', cpuLimited: false, inCgroup: true },
      { name: 'throttled', label: '200m CPU, 64M', cpuLimited: true, inCgroup: true },
    ],
  };
}

function releaseWithRetry(cgroup: SidecarCgroup): void {
  for (let attempt = 0; ; attempt++) {
    try {
      cgroup.remove();
      return;
    } catch (error) {
      // the kernel may take a moment to drop an exited task from the cgroup
      if (attempt >= 50) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

/** A fresh cgroup for one process in `condition` (none when the condition has none). */
export function confine(condition: Condition): Confinement {
  if (!condition.inCgroup) return UNCONFINED;
  const result = sidecarCgroup(`hookpatch-bench-${process.pid}-${madeCount++}`, {
    cpu: condition.cpuLimited,
  });
  if (!result.ok) throw new Error(`sidecar cgroup: ${result.reason}`);
  const { cgroup } = result;
  return {
    wrap: (command, args) => cgroup.wrap(command, args),
    peakMiB: () => {
      const bytes = cgroup.peakBytes();
      return bytes === undefined ? undefined : bytes / 1024 / 1024;
    },
    cpuMs: () => cgroup.cpuMs(),
    release: () => releaseWithRetry(cgroup),
  };
}

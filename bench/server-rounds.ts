/** One measuring round for one server: cold start, idle memory, 8 KB latency and CPU, then the mixed run's memory. */
import { setTimeout as sleep } from 'node:timers/promises';
import { mixed, runCalls, type CallInput, type RunFigures } from './call-runs.js';
import { readCpuTime, readMemory, totalCpuMs, type Memory } from './proc-stats.js';
import { startServer, type ServerCommand } from './server-process.js';
import type { HookWire } from './wire.js';

export interface RoundPlan {
  readonly warmupCalls: number;
  readonly calls: number;
  readonly mixedCalls: number;
  /** 1 in `mixedEvery` mixed calls takes the large domain */
  readonly mixedEvery: number;
  readonly small: CallInput;
  readonly large: CallInput;
  /** what a patched answer contains (the floor's answers do not) */
  readonly patchedMarker: string;
}

export interface RoundFigures {
  readonly coldStartMs: number;
  readonly idle: Memory;
  readonly single: Omit<RunFigures, 'sample'>;
  /** server CPU (its own + its waited-for children) per 8 KB call */
  readonly cpuMsPerCall: number;
  readonly childCpuMsPerCall: number;
  readonly mixed: Omit<RunFigures, 'sample'>;
  readonly afterMixed: Memory;
  /** why the server died during the mixed run */
  readonly crashed?: string;
  readonly patched: boolean;
}

/** Let start-up garbage settle before "idle" is read. */
const SETTLE_MS = 500;

/** The figures without the answer text, which is only for the `patched` check. */
function withoutSample(figures: RunFigures): Omit<RunFigures, 'sample'> {
  const { calls, errors, firstError, p50Ms, p99Ms, callsPerSecond, p50ByInput } = figures;
  return {
    calls,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    p50Ms,
    p99Ms,
    callsPerSecond,
    p50ByInput,
  };
}

export async function measureRound(
  server: ServerCommand,
  wire: HookWire,
  plan: RoundPlan,
): Promise<RoundFigures> {
  const running = await startServer(server, wire);
  try {
    await sleep(SETTLE_MS);
    const idle = readMemory(running.pid);
    await runCalls(wire, running.socketPath, running.version, plan.warmupCalls, () => plan.small);
    const before = readCpuTime(running.pid);
    const single = await runCalls(
      wire,
      running.socketPath,
      running.version,
      plan.calls,
      () => plan.small,
      () => running.exited() !== undefined,
    );
    const after = readCpuTime(running.pid);
    const mixedRun = await runCalls(
      wire,
      running.socketPath,
      running.version,
      plan.mixedCalls,
      mixed(plan.small, plan.large, plan.mixedEvery),
      () => running.exited() !== undefined,
    );
    // A server that dies in the mixed run (out of heap under the memory flags) still has its 8 KB figures.
    const crash = running.exited();
    const afterMixed =
      crash === undefined ? readMemory(running.pid) : { rssMiB: Number.NaN, anonMiB: Number.NaN };
    return {
      ...(crash === undefined
        ? {}
        : { crashed: `in the mixed run after ${mixedRun.calls} calls, the server ${crash}` }),
      coldStartMs: running.coldStartMs,
      idle,
      single: withoutSample(single),
      cpuMsPerCall: (totalCpuMs(after) - totalCpuMs(before)) / Math.max(1, single.calls),
      childCpuMsPerCall: (after.childrenMs - before.childrenMs) / Math.max(1, single.calls),
      mixed: withoutSample(mixedRun),
      afterMixed,
      patched: single.sample?.toString('utf8').includes(plan.patchedMarker) === true,
    };
  } catch (error) {
    const exit = running.exited();
    throw exit === undefined ? error : new Error(`the server ${exit}`);
  } finally {
    await running.stop();
  }
}

/** Start and stop only, for the extra cold-start rounds. */
export async function measureColdStart(server: ServerCommand, wire: HookWire): Promise<number> {
  const running = await startServer(server, wire);
  await running.stop();
  return running.coldStartMs;
}

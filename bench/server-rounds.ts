/** One measuring round for one server: cold start and first call, idle memory, 8 KB latency and CPU, then the mixed run's memory. */
import { setTimeout as sleep } from 'node:timers/promises';
import { callOnce } from './hook-client.js';
import { mixed, runCalls, type CallInput, type RunFigures } from './call-runs.js';
import type { Confinement } from './conditions.js';
import { readCpuTime, readMemory, totalCpuMs, type Memory } from './proc-stats.js';
import { startServer, type RunningServer, type ServerCommand } from './server-process.js';
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

/** Process start → first Info answer, then the first OnDefineDomain right after it (JIT cold). */
export interface StartFigures {
  readonly coldStartMs: number;
  /** CPU time (all threads) until the first Info answer: a figure the quota's periods do not round */
  readonly coldStartCpuMs: number;
  readonly firstCallMs: number;
  /** hookpatch's `starting` log line: whether V8 took the build's code cache */
  readonly codeCache?: string;
}

function codeCacheOf(running: RunningServer): { codeCache?: string } {
  const state = /"codeCache":"([^"]*)"/.exec(running.startLog)?.[1];
  return state === undefined ? {} : { codeCache: state };
}

export interface RoundFigures extends StartFigures {
  readonly idle: Memory;
  readonly single: Omit<RunFigures, 'sample'>;
  /** server CPU (its own + its waited-for children) per 8 KB call */
  readonly cpuMsPerCall: number;
  readonly childCpuMsPerCall: number;
  readonly mixed: Omit<RunFigures, 'sample'>;
  readonly afterMixed: Memory;
  /** the cgroup's memory peak over the whole round, MiB (NaN outside a cgroup) */
  readonly peakMiB: number;
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

/** The first OnDefineDomain, sent the moment Info has answered; NaN when it fails. */
async function firstCall(
  running: RunningServer,
  wire: HookWire,
  input: CallInput,
): Promise<number> {
  const method = wire.onDefineDomain[running.version];
  const request = { domainXML: input.domainXML, vmi: input.vmi };
  const result = await callOnce(running.socketPath, method, request, 60_000);
  return result.ok ? result.ms : Number.NaN;
}

export async function measureRound(
  server: ServerCommand,
  wire: HookWire,
  plan: RoundPlan,
  confinement: Confinement,
): Promise<RoundFigures> {
  const running = await startServer(server, wire, confinement);
  try {
    const firstCallMs = await firstCall(running, wire, plan.small);
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
      coldStartCpuMs: running.coldStartCpuMs,
      firstCallMs,
      ...codeCacheOf(running),
      idle,
      single: withoutSample(single),
      cpuMsPerCall: (totalCpuMs(after) - totalCpuMs(before)) / Math.max(1, single.calls),
      childCpuMsPerCall: (after.childrenMs - before.childrenMs) / Math.max(1, single.calls),
      mixed: withoutSample(mixedRun),
      afterMixed,
      peakMiB: running.peakMiB() ?? Number.NaN,
      patched: single.sample?.toString('utf8').includes(plan.patchedMarker) === true,
    };
  } catch (error) {
    const exit = running.exited();
    throw exit === undefined ? error : new Error(`the server ${exit}`);
  } finally {
    await running.stop();
  }
}

/** Start, the first call, and stop: the extra cold-start rounds. */
export async function measureColdStart(
  server: ServerCommand,
  wire: HookWire,
  input: CallInput,
  confinement: Confinement,
): Promise<StartFigures> {
  const running = await startServer(server, wire, confinement);
  try {
    return {
      coldStartMs: running.coldStartMs,
      coldStartCpuMs: running.coldStartCpuMs,
      firstCallMs: await firstCall(running, wire, input),
      ...codeCacheOf(running),
    };
  } finally {
    await running.stop();
  }
}

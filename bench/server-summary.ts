/** One row of a condition's table: the median of each figure over the rounds (or why the row could not be measured). */
import type { ServerName } from './options.js';
import type { ServerChoice } from './server-commands.js';
import type { RoundFigures, StartFigures } from './server-rounds.js';
import { medianOf } from './statistics.js';

export interface ServerFigures {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly callsPerSecond: number;
  readonly cpuMsPerCall: number;
  readonly childCpuMsPerCall: number;
  readonly idleRssMiB: number;
  readonly idleAnonMiB: number;
  readonly afterRssMiB: number;
  readonly afterAnonMiB: number;
  /** the cgroup's memory peak over a round (NaN outside a cgroup) */
  readonly peakMiB: number;
  readonly mixedP50Ms: number;
  /** p50 of the mixed run's calls with the 1,000-disk domain */
  readonly largeP50Ms: number;
  readonly coldStartMs: number;
  readonly coldStartCpuMs: number;
  readonly firstCallMs: number;
  readonly calls: number;
  readonly mixedCalls: number;
  readonly errors: number;
  readonly mixedErrors: number;
  /** every round's 8 KB answer carried the patch */
  readonly patched: boolean;
  /** rounds whose server died in the mixed run, and the first reason */
  readonly crashes: number;
  readonly crash?: string;
}

export type ServerSummary = {
  readonly name: ServerName;
  readonly description: string;
} & (
  | {
      readonly status: 'measured';
      readonly figures: ServerFigures;
      readonly firstError?: string;
      readonly rounds: readonly RoundFigures[];
      readonly starts: readonly StartFigures[];
    }
  /** a process that only starts (bare node): its start time */
  | {
      readonly status: 'start only';
      readonly coldStartMs: number;
      readonly coldStartCpuMs: number;
      readonly starts: readonly StartFigures[];
    }
  | { readonly status: 'not available'; readonly reason: string }
);

/** What one row collected over the rounds of one condition. */
export interface RowMeasurements {
  readonly rounds: RoundFigures[];
  readonly starts: StartFigures[];
  failures: number;
  lastFailure?: string;
  failed?: string;
}

export function summarize(
  rounds: readonly RoundFigures[],
  starts: readonly StartFigures[],
  largeLabel: string,
): ServerFigures {
  const crash = rounds.find((r) => r.crashed !== undefined)?.crashed;
  const sum = (field: (round: RoundFigures) => number): number =>
    rounds.reduce((total, round) => total + field(round), 0);
  return {
    p50Ms: medianOf(rounds, (r) => r.single.p50Ms),
    p99Ms: medianOf(rounds, (r) => r.single.p99Ms),
    callsPerSecond: medianOf(rounds, (r) => r.single.callsPerSecond),
    cpuMsPerCall: medianOf(rounds, (r) => r.cpuMsPerCall),
    childCpuMsPerCall: medianOf(rounds, (r) => r.childCpuMsPerCall),
    idleRssMiB: medianOf(rounds, (r) => r.idle.rssMiB),
    idleAnonMiB: medianOf(rounds, (r) => r.idle.anonMiB),
    afterRssMiB: medianOf(rounds, (r) => r.afterMixed.rssMiB),
    afterAnonMiB: medianOf(rounds, (r) => r.afterMixed.anonMiB),
    peakMiB: medianOf(rounds, (r) => r.peakMiB),
    mixedP50Ms: medianOf(rounds, (r) => r.mixed.p50Ms),
    largeP50Ms: medianOf(rounds, (r) => r.mixed.p50ByInput[largeLabel] ?? Number.NaN),
    coldStartMs: medianOf(starts, (s) => s.coldStartMs),
    coldStartCpuMs: medianOf(starts, (s) => s.coldStartCpuMs),
    firstCallMs: medianOf(starts, (s) => s.firstCallMs),
    calls: rounds[0]?.single.calls ?? 0,
    mixedCalls: rounds[0]?.mixed.calls ?? 0,
    errors: sum((r) => r.single.errors),
    mixedErrors: sum((r) => r.mixed.errors),
    patched: rounds.length > 0 && rounds.every((r) => r.patched),
    crashes: rounds.filter((r) => r.crashed !== undefined).length,
    ...(crash === undefined ? {} : { crash }),
  };
}

/** The first error any round saw, to explain a row's error count. */
function firstError(rounds: readonly RoundFigures[]): string | undefined {
  for (const round of rounds) {
    const error = round.single.firstError ?? round.mixed.firstError;
    if (error !== undefined) return error;
  }
  return undefined;
}

export function summarizeRow(
  entry: ServerChoice & { readonly name: ServerName },
  row: RowMeasurements | undefined,
  largeLabel: string,
): ServerSummary {
  const head = { name: entry.name, description: entry.description };
  if (entry.kind === 'not available')
    return { ...head, status: 'not available', reason: entry.reason };
  const reason = row?.failed ?? row?.lastFailure ?? 'no round was measured';
  if (row === undefined || row.starts.length === 0)
    return { ...head, status: 'not available', reason };
  if (entry.kind === 'exits')
    return {
      ...head,
      status: 'start only',
      coldStartMs: medianOf(row.starts, (start) => start.coldStartMs),
      coldStartCpuMs: medianOf(row.starts, (start) => start.coldStartCpuMs),
      starts: row.starts,
    };
  if (row.rounds.length === 0) return { ...head, status: 'not available', reason };
  const error = firstError(row.rounds);
  return {
    ...head,
    status: 'measured',
    figures: summarize(row.rounds, row.starts, largeLabel),
    ...(error === undefined ? {} : { firstError: error }),
    rounds: row.rounds,
    starts: row.starts,
  };
}

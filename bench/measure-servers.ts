/** Rounds over all servers, interleaved so that background load falls on every row alike; then the extra cold starts. */
import type { CallInput } from './call-runs.js';
import type { BenchOptions, ServerName } from './options.js';
import type { ServerChoice } from './server-commands.js';
import {
  measureColdStart,
  measureRound,
  type RoundFigures,
  type RoundPlan,
} from './server-rounds.js';
import { firstError, summarize, type ServerSummary } from './server-summary.js';
import type { HookWire } from './wire.js';

export type ServerEntry = ServerChoice & {
  readonly name: ServerName;
  readonly unavailable?: string;
};

/** What the smbios-from-annotation example (and the python script) put into the domain for this VMI. */
const PATCHED_MARKER = '<entry name="manufacturer">Radical Edward</entry>';

function planFor(
  name: ServerName,
  options: BenchOptions,
  inputs: { small: CallInput; large: CallInput },
): RoundPlan {
  const statusQuo = name === 'status-quo';
  return {
    warmupCalls: statusQuo ? Math.min(options.warmupCalls, 5) : options.warmupCalls,
    calls: statusQuo ? options.statusQuoCalls : options.calls,
    mixedCalls: statusQuo ? options.statusQuoMixedCalls : options.mixedCalls,
    mixedEvery: 10,
    ...inputs,
    patchedMarker: PATCHED_MARKER,
  };
}

function progress(name: ServerName, round: number, rounds: number, figures: RoundFigures): void {
  process.stderr.write(
    `bench: round ${round}/${rounds} ${name}: p50 ${figures.single.p50Ms.toFixed(2)} ms, cold ${figures.coldStartMs.toFixed(0)} ms, ` +
      `RSS ${figures.afterMixed.rssMiB.toFixed(1)} MiB after ${figures.mixed.calls} mixed calls, errors ${figures.single.errors}+${figures.mixed.errors}` +
      `${figures.crashed === undefined ? '' : `; CRASHED ${figures.crashed.slice(0, 200)}`}\n`,
  );
}

function message(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
}

export async function measureServers(
  entries: readonly ServerEntry[],
  wire: HookWire,
  options: BenchOptions,
  inputs: { small: CallInput; large: CallInput },
): Promise<ServerSummary[]> {
  const rounds = new Map<ServerName, RoundFigures[]>(entries.map((entry) => [entry.name, []]));
  const coldStarts = new Map<ServerName, number[]>(entries.map((entry) => [entry.name, []]));
  const failed = new Map<ServerName, string>(
    entries.flatMap((entry) =>
      entry.unavailable === undefined ? [] : [[entry.name, entry.unavailable] as const],
    ),
  );
  const failures = new Map<ServerName, number>();
  const lastFailure = new Map<ServerName, string>();
  const totalRounds = Math.max(options.rounds, options.coldRounds);
  for (let round = 1; round <= totalRounds; round++) {
    for (const entry of entries) {
      if (failed.has(entry.name)) continue;
      try {
        if (round <= options.rounds) {
          const figures = await measureRound(
            entry.command,
            wire,
            planFor(entry.name, options, inputs),
          );
          rounds.get(entry.name)?.push(figures);
          coldStarts.get(entry.name)?.push(figures.coldStartMs);
          progress(entry.name, round, options.rounds, figures);
        } else {
          coldStarts.get(entry.name)?.push(await measureColdStart(entry.command, wire));
        }
      } catch (error) {
        // One failed round may be a passing disturbance (a concurrent rebuild of dist/); a second ends the row.
        const earlier = failures.get(entry.name) ?? 0;
        failures.set(entry.name, earlier + 1);
        lastFailure.set(entry.name, message(error));
        if (earlier >= 1) failed.set(entry.name, message(error));
        process.stderr.write(
          `bench: round ${round} of ${entry.name} failed${earlier >= 1 ? ', giving up on it' : ''}: ${message(error)}\n`,
        );
      }
    }
  }
  return entries.map((entry): ServerSummary => {
    const measured = rounds.get(entry.name) ?? [];
    const reason = failed.get(entry.name) ?? lastFailure.get(entry.name) ?? 'no round was measured';
    if (measured.length === 0)
      return { name: entry.name, description: entry.description, status: 'not available', reason };
    const error = firstError(measured);
    return {
      name: entry.name,
      description: entry.description,
      status: 'measured',
      figures: summarize(measured, coldStarts.get(entry.name) ?? [], inputs.large.label),
      ...(error === undefined ? {} : { firstError: error }),
      rounds: measured,
      coldStarts: coldStarts.get(entry.name) ?? [],
    };
  });
}

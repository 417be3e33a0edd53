/** Rounds over every condition and row, interleaved so that background load falls on every row alike; then the extra cold starts. */
import type { CallInput } from './call-runs.js';
import { confine, type Condition } from './conditions.js';
import type { BenchOptions, CallCounts, ServerName } from './options.js';
import type { ServerChoice } from './server-commands.js';
import { timeToExit, type ServerCommand } from './server-process.js';
import {
  measureColdStart,
  measureRound,
  type RoundFigures,
  type RoundPlan,
  type StartFigures,
} from './server-rounds.js';
import { summarizeRow, type RowMeasurements, type ServerSummary } from './server-summary.js';
import type { HookWire } from './wire.js';

export type ServerEntry = ServerChoice & { readonly name: ServerName };

export interface ConditionSummary {
  readonly condition: Condition;
  readonly rows: readonly ServerSummary[];
}

export interface Inputs {
  readonly small: CallInput;
  readonly large: CallInput;
}

/** What the smbios-from-annotation example (and the python script) put into the domain for this VMI. */
const PATCHED_MARKER = '<entry name="manufacturer">Radical Edward</entry>';

function planFor(name: ServerName, counts: CallCounts, inputs: Inputs): RoundPlan {
  const statusQuo = name === 'status-quo';
  return {
    warmupCalls: statusQuo ? Math.min(counts.warmupCalls, 5) : counts.warmupCalls,
    calls: statusQuo ? counts.statusQuoCalls : counts.calls,
    mixedCalls: statusQuo ? counts.statusQuoMixedCalls : counts.mixedCalls,
    mixedEvery: 10,
    ...inputs,
    patchedMarker: PATCHED_MARKER,
  };
}

function progress(label: string, name: ServerName, round: number, figures: RoundFigures): void {
  process.stderr.write(
    `bench: [${label}] round ${round} ${name}: Info after ${figures.coldStartMs.toFixed(0)} ms, first call ${figures.firstCallMs.toFixed(1)} ms, ` +
      `p50 ${figures.single.p50Ms.toFixed(2)} ms, anon ${figures.afterMixed.anonMiB.toFixed(1)} MiB after ${figures.mixed.calls} mixed calls, ` +
      `errors ${figures.single.errors}+${figures.mixed.errors}` +
      `${figures.crashed === undefined ? '' : `; CRASHED ${figures.crashed.slice(0, 200)}`}\n`,
  );
}

function message(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
}

/** A process that exits by itself: its time to exit stands for a server's time to Info. */
async function startOnly(command: ServerCommand, condition: Condition): Promise<StartFigures> {
  const exited = await timeToExit(command, confine(condition));
  return { coldStartMs: exited.ms, coldStartCpuMs: exited.cpuMs, firstCallMs: Number.NaN };
}

type Measured = { readonly round?: RoundFigures; readonly start: StartFigures };

async function measureOnce(
  entry: ServerEntry,
  condition: Condition,
  round: number,
  context: { wire: HookWire; options: BenchOptions; inputs: Inputs },
): Promise<Measured | undefined> {
  const { wire, options, inputs } = context;
  switch (entry.kind) {
    case 'not available':
      return undefined;
    case 'exits':
      return { start: await startOnly(entry.command, condition) };
    case 'server': {
      if (round > options.rounds)
        return {
          start: await measureColdStart(entry.command, wire, inputs.small, confine(condition)),
        };
      const counts = condition.cpuLimited ? options.throttled : options.unthrottled;
      const plan = planFor(entry.name, counts, inputs);
      const figures = await measureRound(entry.command, wire, plan, confine(condition));
      progress(condition.label, entry.name, round, figures);
      return {
        round: figures,
        start: {
          coldStartMs: figures.coldStartMs,
          coldStartCpuMs: figures.coldStartCpuMs,
          firstCallMs: figures.firstCallMs,
          ...(figures.codeCache === undefined ? {} : { codeCache: figures.codeCache }),
        },
      };
    }
  }
}

export async function measureServers(
  entries: readonly ServerEntry[],
  conditions: readonly Condition[],
  context: { wire: HookWire; options: BenchOptions; inputs: Inputs },
): Promise<ConditionSummary[]> {
  const rows = new Map<string, RowMeasurements>();
  const key = (condition: Condition, name: ServerName): string => `${condition.name}/${name}`;
  for (const condition of conditions)
    for (const entry of entries)
      rows.set(key(condition, entry.name), { rounds: [], starts: [], failures: 0 });
  const totalRounds = Math.max(context.options.rounds, context.options.coldRounds);
  for (let round = 1; round <= totalRounds; round++) {
    for (const condition of conditions) {
      for (const entry of entries) {
        const row = rows.get(key(condition, entry.name));
        if (row === undefined || row.failed !== undefined) continue;
        try {
          const measured = await measureOnce(entry, condition, round, context);
          if (measured?.round !== undefined) row.rounds.push(measured.round);
          if (measured !== undefined) row.starts.push(measured.start);
        } catch (error) {
          // One failed round may be a passing disturbance (a concurrent rebuild of dist/); a second ends the row.
          row.failures++;
          row.lastFailure = message(error);
          if (row.failures >= 2) row.failed = message(error);
          process.stderr.write(
            `bench: [${condition.label}] round ${round} of ${entry.name} failed${row.failures >= 2 ? ', giving up on it' : ''}: ${message(error)}\n`,
          );
        }
      }
    }
  }
  return conditions.map((condition) => ({
    condition,
    rows: entries.map((entry) =>
      summarizeRow(entry, rows.get(key(condition, entry.name)), context.inputs.large.label),
    ),
  }));
}

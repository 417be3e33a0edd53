/** `npm run bench -- [flags]`: how many rounds and calls, and which rows to measure. */
import { parseArgs } from 'node:util';

export type ServerName = 'hookpatch' | 'floor' | 'status-quo';
export const SERVER_NAMES: readonly ServerName[] = ['hookpatch', 'floor', 'status-quo'];

export interface BenchOptions {
  readonly rounds: number;
  readonly coldRounds: number;
  readonly warmupCalls: number;
  readonly calls: number;
  readonly mixedCalls: number;
  /** the fork-per-call server is ~30× slower: its runs are shorter */
  readonly statusQuoCalls: number;
  readonly statusQuoMixedCalls: number;
  readonly engineIterations: number;
  readonly servers: readonly ServerName[];
  readonly engine: boolean;
  readonly rebuild: boolean;
  readonly quick: boolean;
  /** Node flags for the hookpatch row (default: the image's), to tune the heap limits */
  readonly hookpatchFlags?: readonly string[];
}

export const USAGE = `usage: npm run bench -- [--quick] [--rounds N] [--cold-rounds N] [--warmup N] [--calls N]
       [--mixed-calls N] [--status-quo-calls N] [--status-quo-mixed-calls N] [--engine-iterations N]
       [--only hookpatch,floor,status-quo] [--no-engine] [--rebuild] [--hookpatch-flags="--max-old-space-size=N ..."]`;

const FULL = {
  rounds: 3,
  coldRounds: 5,
  warmupCalls: 200,
  calls: 2000,
  mixedCalls: 10_000,
  statusQuoCalls: 200,
  statusQuoMixedCalls: 100,
  engineIterations: 30,
};
const QUICK = {
  rounds: 1,
  coldRounds: 2,
  warmupCalls: 10,
  calls: 60,
  mixedCalls: 100,
  statusQuoCalls: 10,
  statusQuoMixedCalls: 10,
  engineIterations: 3,
};

function count(text: string | undefined, fallback: number, flag: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`--${flag} takes a positive integer, not ${JSON.stringify(text)}`);
  return value;
}

function serverList(text: string | undefined): ServerName[] {
  if (text === undefined) return [...SERVER_NAMES];
  return text.split(',').map((name) => {
    const found = SERVER_NAMES.find((known) => known === name.trim());
    if (found === undefined)
      throw new Error(
        `--only: unknown server ${JSON.stringify(name)} (${SERVER_NAMES.join(', ')})`,
      );
    return found;
  });
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const counts = [
    'rounds',
    'cold-rounds',
    'warmup',
    'calls',
    'mixed-calls',
    'status-quo-calls',
    'status-quo-mixed-calls',
    'engine-iterations',
  ] as const;
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ...Object.fromEntries(counts.map((name) => [name, { type: 'string' as const }])),
      only: { type: 'string' },
      quick: { type: 'boolean' },
      'no-engine': { type: 'boolean' },
      rebuild: { type: 'boolean' },
      'hookpatch-flags': { type: 'string' },
    },
    strict: true,
  });
  const text = (name: string): string | undefined => {
    const value: unknown = Object.getOwnPropertyDescriptor(values, name)?.value;
    return typeof value === 'string' ? value : undefined;
  };
  const base = values.quick === true ? QUICK : FULL;
  return {
    rounds: count(text('rounds'), base.rounds, 'rounds'),
    coldRounds: count(text('cold-rounds'), base.coldRounds, 'cold-rounds'),
    warmupCalls: count(text('warmup'), base.warmupCalls, 'warmup'),
    calls: count(text('calls'), base.calls, 'calls'),
    mixedCalls: count(text('mixed-calls'), base.mixedCalls, 'mixed-calls'),
    statusQuoCalls: count(text('status-quo-calls'), base.statusQuoCalls, 'status-quo-calls'),
    statusQuoMixedCalls: count(
      text('status-quo-mixed-calls'),
      base.statusQuoMixedCalls,
      'status-quo-mixed-calls',
    ),
    engineIterations: count(text('engine-iterations'), base.engineIterations, 'engine-iterations'),
    servers: serverList(text('only')),
    engine: values['no-engine'] !== true,
    rebuild: values.rebuild === true,
    quick: values.quick === true,
    ...(values['hookpatch-flags'] === undefined
      ? {}
      : { hookpatchFlags: values['hookpatch-flags'].split(/\s+/).filter((flag) => flag !== '') }),
  };
}

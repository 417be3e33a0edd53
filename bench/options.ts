/** `npm run bench -- [flags]`: how many rounds and calls, which rows and sections, and which Node. */
import { parseArgs } from 'node:util';

export type ServerName = 'hookpatch' | 'floor' | 'grpc-go' | 'status-quo' | 'node';
export const SERVER_NAMES: readonly ServerName[] = [
  'hookpatch',
  'floor',
  'grpc-go',
  'status-quo',
  'node',
];

/** Calls per round in one condition; the fork-per-call server is ~30× slower, so its runs are shorter. */
export interface CallCounts {
  readonly warmupCalls: number;
  readonly calls: number;
  readonly mixedCalls: number;
  readonly statusQuoCalls: number;
  readonly statusQuoMixedCalls: number;
}

export interface BenchOptions {
  readonly rounds: number;
  /** starts per server and condition (a round's start counts as one) */
  readonly coldRounds: number;
  /** without a CPU limit */
  readonly unthrottled: CallCounts;
  /** inside the 200m CPU quota, where every call takes ~5× longer */
  readonly throttled: CallCounts;
  /** 1,000-disk calls per heap in the large-domain section */
  readonly largeCalls: number;
  readonly engineIterations: number;
  readonly servers: readonly ServerName[];
  readonly engine: boolean;
  readonly large: boolean;
  /** measure inside the sidecar cgroups (64M; 200m CPU) when the machine allows it */
  readonly cgroups: boolean;
  readonly rebuild: boolean;
  readonly quick: boolean;
  /** `image` (the Dockerfile's Node major, fetched with npm), `current`, or a path to node */
  readonly node: string;
  /** Node flags for the hookpatch row (default: the image's), to tune the heap limits */
  readonly hookpatchFlags?: readonly string[];
}

export const USAGE = `usage: npm run bench -- [--quick] [--rounds N] [--cold-rounds N] [--warmup N] [--calls N]
       [--mixed-calls N] [--throttled-calls N] [--throttled-mixed-calls N] [--large-calls N]
       [--engine-iterations N] [--only hookpatch,floor,grpc-go,status-quo,node] [--no-engine]
       [--no-large] [--no-cgroup] [--node image|current|PATH] [--rebuild]
       [--hookpatch-flags="--max-old-space-size=N ..."]`;

const FULL = {
  rounds: 3,
  coldRounds: 9,
  unthrottled: {
    warmupCalls: 200,
    calls: 2000,
    mixedCalls: 10_000,
    statusQuoCalls: 200,
    statusQuoMixedCalls: 100,
  },
  throttled: {
    warmupCalls: 20,
    calls: 300,
    mixedCalls: 300,
    statusQuoCalls: 20,
    statusQuoMixedCalls: 10,
  },
  largeCalls: 20,
  engineIterations: 30,
  node: 'image',
};
const QUICK = {
  rounds: 1,
  coldRounds: 2,
  unthrottled: {
    warmupCalls: 10,
    calls: 60,
    mixedCalls: 100,
    statusQuoCalls: 5,
    statusQuoMixedCalls: 5,
  },
  throttled: {
    warmupCalls: 2,
    calls: 10,
    mixedCalls: 10,
    statusQuoCalls: 2,
    statusQuoMixedCalls: 2,
  },
  largeCalls: 3,
  engineIterations: 3,
  node: 'current',
};

const COUNT_FLAGS = [
  'rounds',
  'cold-rounds',
  'warmup',
  'calls',
  'mixed-calls',
  'throttled-calls',
  'throttled-mixed-calls',
  'large-calls',
  'engine-iterations',
] as const;

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
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ...Object.fromEntries(COUNT_FLAGS.map((name) => [name, { type: 'string' as const }])),
      only: { type: 'string' },
      quick: { type: 'boolean' },
      'no-engine': { type: 'boolean' },
      'no-large': { type: 'boolean' },
      'no-cgroup': { type: 'boolean' },
      rebuild: { type: 'boolean' },
      node: { type: 'string' },
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
    unthrottled: {
      ...base.unthrottled,
      warmupCalls: count(text('warmup'), base.unthrottled.warmupCalls, 'warmup'),
      calls: count(text('calls'), base.unthrottled.calls, 'calls'),
      mixedCalls: count(text('mixed-calls'), base.unthrottled.mixedCalls, 'mixed-calls'),
    },
    throttled: {
      ...base.throttled,
      calls: count(text('throttled-calls'), base.throttled.calls, 'throttled-calls'),
      mixedCalls: count(
        text('throttled-mixed-calls'),
        base.throttled.mixedCalls,
        'throttled-mixed-calls',
      ),
    },
    largeCalls: count(text('large-calls'), base.largeCalls, 'large-calls'),
    engineIterations: count(text('engine-iterations'), base.engineIterations, 'engine-iterations'),
    servers: serverList(text('only')),
    engine: values['no-engine'] !== true,
    large: values['no-large'] !== true,
    cgroups: values['no-cgroup'] !== true,
    rebuild: values.rebuild === true,
    quick: values.quick === true,
    node: text('node') ?? base.node,
    ...(values['hookpatch-flags'] === undefined
      ? {}
      : { hookpatchFlags: values['hookpatch-flags'].split(/\s+/).filter((flag) => flag !== '') }),
  };
}

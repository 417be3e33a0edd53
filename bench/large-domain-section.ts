/**
 * The 1,000-disk call one at a time under the image's heap flags, against the same call with
 * Node's default heap: what the small old space costs in latency, and what it saves in memory.
 */
import { ratioVerdict } from './budgets.js';
import { runCalls } from './call-runs.js';
import { confine, NO_LIMITS } from './conditions.js';
import { readMemory } from './proc-stats.js';
import { fixed, table } from './report-table.js';
import type { BenchContext, BenchSection, SectionReport } from './sections.js';
import { hookpatchFlags, serverChoice } from './server-commands.js';
import { startServer, type ServerCommand } from './server-process.js';
import { median } from './statistics.js';

/** The V8 heap-size flags; without them Node sizes the heap itself. */
const HEAP_FLAG = /^--max-(old|semi)-space-size=/;

interface HeapFigures {
  readonly flags: string;
  readonly p50Ms: number[];
  readonly anonMiB: number[];
  errors: number;
}

async function measureHeap(context: BenchContext, command: ServerCommand) {
  const { wire, inputs, options } = context;
  // No cgroup: Node's default heap may outgrow 64M, and its latency is the reference here.
  const running = await startServer(command, wire, confine(NO_LIMITS));
  try {
    await runCalls(wire, running.socketPath, running.version, 3, () => inputs.small);
    await runCalls(wire, running.socketPath, running.version, 2, () => inputs.large);
    const large = await runCalls(
      wire,
      running.socketPath,
      running.version,
      options.largeCalls,
      () => inputs.large,
    );
    return { p50Ms: large.p50Ms, anonMiB: readMemory(running.pid).anonMiB, errors: large.errors };
  } finally {
    await running.stop();
  }
}

function report(image: HeapFigures, defaults: HeapFigures): string {
  const row = (name: string, figures: HeapFigures): string[] => [
    name,
    figures.flags,
    fixed(median(figures.p50Ms), 1),
    fixed(median(figures.anonMiB), 1),
    String(figures.errors),
  ];
  return `${table(['heap', 'flags', '1,000-disk p50 ms', 'anon MiB after', 'errors'], [row('image', image), row('Node default', defaults)])}\n(one call at a time, dial per call, no cgroup; medians of rounds)`;
}

export const largeDomainSection: BenchSection = {
  key: 'largeDomain',
  enabled: (options) => options.large && options.servers.includes('hookpatch'),
  async run(context: BenchContext): Promise<SectionReport> {
    const choice = serverChoice('hookpatch', context.paths);
    if (choice.kind !== 'server') throw new Error('hookpatch is not a server');
    const imageFlags = hookpatchFlags(context.paths);
    const defaultFlags = imageFlags.filter((flag) => !HEAP_FLAG.test(flag));
    const image: HeapFigures = {
      flags: imageFlags.filter((f) => HEAP_FLAG.test(f)).join(' '),
      p50Ms: [],
      anonMiB: [],
      errors: 0,
    };
    const defaults: HeapFigures = { flags: '(none)', p50Ms: [], anonMiB: [], errors: 0 };
    const withFlags = (flags: readonly string[]): ServerCommand => ({
      ...choice.command,
      args: (dir) => [...flags, ...choice.command.args(dir).slice(imageFlags.length)],
    });
    for (let round = 0; round < context.options.rounds; round++) {
      for (const [figures, flags] of [
        [image, imageFlags],
        [defaults, defaultFlags],
      ] as const) {
        const measured = await measureHeap(context, withFlags(flags));
        figures.p50Ms.push(measured.p50Ms);
        figures.anonMiB.push(measured.anonMiB);
        figures.errors += measured.errors;
      }
    }
    return {
      title: 'large domain: the image heap against the default heap',
      text: report(image, defaults),
      figures: { image, defaults },
      verdicts: [
        ratioVerdict(
          '1,000-disk call ≤ 2× the same call with the default heap',
          median(image.p50Ms),
          median(defaults.p50Ms),
          2,
          (a, b) => `${a.toFixed(0)} vs ${b.toFixed(0)} ms`,
        ),
      ],
    };
  },
};

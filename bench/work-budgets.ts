/**
 * The bounded-work figures (docs/serving.md § Bounded work), with the image's node flags read from
 * the Dockerfile: heap per byte of domain XML for a call, the largest KubeVirt-style domain the
 * served bundle answers, and what the meter's probes cost per call.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageCommand, readImageRuntime } from '../packaging/image-runtime.js';
import { confine, NO_LIMITS } from './conditions.js';
import { callOnce } from './hook-client.js';
import { startServer } from './server-process.js';
import { domainWithDisks } from './synthetic-domain.js';
import type { HookWire } from './wire.js';

export interface WorkBudgetFigures {
  readonly nodeFlags: readonly string[];
  readonly heapPerByte: readonly { readonly disks: number; readonly heapPerByte: number }[];
  /** median µs per 8 KB call with the server's deadline and heap probes, and with budgets only */
  readonly meterMicros: {
    readonly probed: number;
    readonly bare: number;
    readonly probesPerCall: number;
  };
  /** most disks answered (not refused), and what the next size got */
  readonly largestServed: { readonly disks: number; readonly bytes: number; readonly next: string };
}

function probe(root: string): Pick<WorkBudgetFigures, 'heapPerByte' | 'meterMicros'> {
  const runtime = readImageRuntime(root);
  const { command, args, env } = imageCommand(runtime, root, process.execPath, process.env);
  const run = spawnSync(
    command,
    [...args.slice(0, -1), '--import', 'tsx', join(root, 'bench', 'work-budget-probe.ts')],
    { cwd: root, env, encoding: 'utf8' },
  );
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || line === '')
    throw new Error(`work-budget-probe: ${run.stderr.slice(-500)}`);
  const parsed = JSON.parse(line) as {
    perByte: WorkBudgetFigures['heapPerByte'];
    meter: WorkBudgetFigures['meterMicros'];
  };
  return { heapPerByte: parsed.perByte, meterMicros: parsed.meter };
}

/** One call of `disks` disks on a fresh server: `ok`, the error's `[CODE]`, or how the server died. */
async function answer(root: string, wire: HookWire, disks: number): Promise<string> {
  const runtime = readImageRuntime(root);
  const { command, args, env } = imageCommand(runtime, root, process.execPath, process.env);
  const patch = join(root, 'examples', 'smbios-from-annotation', 'patch.yaml');
  const server = await startServer(
    {
      command,
      args: (socketDir) => [...args, 'serve', '--socket-dir', socketDir, '--patch', patch],
      env,
    },
    wire,
    confine(NO_LIMITS),
  );
  try {
    const template = readFileSync(join(root, 'bench', 'fixtures', 'domain-8k.xml'), 'utf8');
    const vmi = readFileSync(join(root, 'bench', 'fixtures', 'vmi-smbios.json'));
    const domainXML = Buffer.from(domainWithDisks(template, disks));
    const reply = await callOnce(
      server.socketPath,
      wire.onDefineDomain[server.version],
      { domainXML, vmi },
      60_000,
    );
    const died = server.exited();
    if (died !== undefined) return `server ${died}`;
    return reply.ok ? 'ok' : (/\[([A-Z_]+)\]/.exec(reply.error)?.[1] ?? reply.error.slice(0, 80));
  } finally {
    await server.stop();
  }
}

/** Bisection between a size served and one refused, to 50 disks. */
async function largestServed(
  root: string,
  wire: HookWire,
): Promise<WorkBudgetFigures['largestServed']> {
  let served = 500;
  let refused = 8000;
  let next = await answer(root, wire, refused);
  while (refused - served > 50) {
    const middle = Math.round((served + refused) / 2);
    const got = await answer(root, wire, middle);
    if (got === 'ok') served = middle;
    else {
      refused = middle;
      next = got;
    }
  }
  const template = readFileSync(join(root, 'bench', 'fixtures', 'domain-8k.xml'), 'utf8');
  return { disks: served, bytes: domainWithDisks(template, served).length, next };
}

export async function measureWorkBudgets(root: string, wire: HookWire): Promise<WorkBudgetFigures> {
  return {
    nodeFlags: readImageRuntime(root).nodeFlags,
    ...probe(root),
    largestServed: await largestServed(root, wire),
  };
}

export function workBudgetTable(figures: WorkBudgetFigures): string {
  const perByte = figures.heapPerByte
    .map((row) => `${row.disks} disks ${row.heapPerByte.toFixed(1)} B/B`)
    .join(', ');
  const { probed, bare, probesPerCall } = figures.meterMicros;
  const { disks, bytes, next } = figures.largestServed;
  return [
    `bounded work, node ${figures.nodeFlags.join(' ')}:`,
    `  heap per byte of domain XML (parse + 10 operations + serialize, peak): ${perByte}`,
    `  largest KubeVirt-style domain served: ${disks} disks (${bytes} B); ${disks + 50}+ disks: ${next}`,
    `  meter per 8 KB call: ${probed.toFixed(0)} µs with the deadline and heap probes (${probesPerCall.toFixed(1)} a call), ${bare.toFixed(0)} µs with budgets only`,
  ].join('\n');
}

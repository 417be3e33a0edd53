/** Sequential call runs against a running server, one dial per call as virt-launcher makes them. */
import { callOnce } from './hook-client.js';
import { percentile } from './statistics.js';
import type { CallbacksVersion, HookWire } from './wire.js';

/** One OnDefineDomain request body and what a correct answer must contain. */
export interface CallInput {
  readonly label: string;
  readonly domainXML: Buffer;
  readonly vmi: Buffer;
}

export interface RunFigures {
  readonly calls: number;
  readonly errors: number;
  /** the first error's text, to show why a row failed */
  readonly firstError?: string;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly callsPerSecond: number;
  /** p50 of the answered calls per kind of input (label), for the mixed run's large calls */
  readonly p50ByInput: Readonly<Record<string, number>>;
  /** the first answer, to check the server really patched */
  readonly sample?: Buffer;
}

/** OnDefineDomain's deadline in virt-launcher. */
const CALL_DEADLINE_MS = 60_000;

/** Up to `calls` calls, one at a time (fewer when `gone()` says the server died); `pick(i)` chooses the input of call i. */
export async function runCalls(
  wire: HookWire,
  socketPath: string,
  version: CallbacksVersion,
  calls: number,
  pick: (i: number) => CallInput,
  gone: () => boolean = () => false,
): Promise<RunFigures> {
  const method = wire.onDefineDomain[version];
  const latencies: number[] = [];
  const byInput = new Map<string, number[]>();
  let errors = 0;
  let firstError: string | undefined;
  let sample: Buffer | undefined;
  const started = performance.now();
  for (let i = 0; i < calls && !gone(); i++) {
    const input = pick(i);
    const result = await callOnce(
      socketPath,
      method,
      { domainXML: input.domainXML, vmi: input.vmi },
      CALL_DEADLINE_MS,
    );
    latencies.push(result.ms);
    if (!result.ok) {
      errors++;
      firstError ??= `${input.label}: ${result.error}`;
      continue;
    }
    const answered = byInput.get(input.label) ?? [];
    answered.push(result.ms);
    byInput.set(input.label, answered);
    if (sample === undefined) {
      const value: unknown = Object.getOwnPropertyDescriptor(result.response, 'domainXML')?.value;
      if (Buffer.isBuffer(value)) sample = value;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    calls: latencies.length,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    callsPerSecond: latencies.length / seconds,
    p50ByInput: Object.fromEntries(
      [...byInput].map(([label, samples]) => [label, percentile(samples, 0.5)]),
    ),
    ...(sample === undefined ? {} : { sample }),
  };
}

/** Every `every`-th call takes the large input, the rest the small one (9:1 for every = 10). */
export function mixed(small: CallInput, large: CallInput, every: number): (i: number) => CallInput {
  return (i) => (i % every === every - 1 ? large : small);
}

/**
 * Run by bench/work-budgets.ts under the image's node flags (`--expose-gc` among them): the heap a
 * call takes per byte of domain XML, and what the meter's probes cost per call. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { applyDomain, loadDocuments } from '../src/engine/index.js';
import { DEFAULT_LIMITS, workBudgetsOf } from '../src/engine/limits.js';
import { createMeter, type MeterProbes } from '../src/engine/meter.js';
import { domainWithDisks, tenOperationDocument } from './synthetic-domain.js';

const template = readFileSync(new URL('fixtures/domain-8k.xml', import.meta.url), 'utf8');
const gc = Reflect.get(globalThis, 'gc');
const collect = (): void => {
  if (typeof gc === 'function') Reflect.apply(gc, undefined, []);
};
const used = (): number => getHeapStatistics().used_heap_size;

/** Peak heap over the start of a call (sampled at every probe), per byte of its domain XML. */
function heapPerByte(disks: number): number {
  const xml = domainWithDisks(template, disks);
  const documents = loadDocuments(tenOperationDocument(disks), {
    source: 'bench',
    origin: 'file',
  }).documents;
  collect();
  const before = used();
  let peak = before;
  const probes: MeterProbes = {
    now: () => 0,
    deadline: 1,
    heapHasRoom: () => {
      peak = Math.max(peak, used());
      return true;
    },
  };
  const limits = { ...DEFAULT_LIMITS, maxDomBytes: Number.MAX_SAFE_INTEGER };
  const meter = createMeter(workBudgetsOf(limits), probes);
  const result = applyDomain(xml, documents, { vmi: {}, context: 'Boot', limits, meter });
  peak = Math.max(peak, used());
  if (!result.ok) throw new Error(result.error.message);
  return (peak - before) / xml.length;
}

/**
 * Median microseconds per call of the 8 KB domain with the server's probes, and with budgets
 * only, alternating call by call so that load and the JIT fall on both alike; and the probes
 * a call makes.
 */
function meterCost(runs: number): { probed: number; bare: number; probesPerCall: number } {
  const documents = loadDocuments(tenOperationDocument(12), {
    source: 'bench',
    origin: 'file',
  }).documents;
  const xml = domainWithDisks(template, 12);
  let probes = 0;
  const once = (probed: boolean): number => {
    const probeSet: MeterProbes = {
      now: () => {
        probes += 1;
        return performance.now();
      },
      deadline: performance.now() + 10_000,
      heapHasRoom: () => used() < Number.MAX_SAFE_INTEGER,
    };
    const meter = createMeter(workBudgetsOf(DEFAULT_LIMITS), probed ? probeSet : undefined);
    const started = performance.now();
    applyDomain(xml, documents, { vmi: {}, context: 'Boot', meter });
    return (performance.now() - started) * 1000;
  };
  const median = (samples: number[]): number =>
    samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
  for (let i = 0; i < 50; i += 1) once(i % 2 === 0);
  probes = 0;
  const probed: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    probed.push(once(true));
    bare.push(once(false));
  }
  return { probed: median(probed), bare: median(bare), probesPerCall: probes / runs };
}

const perByte = [100, 1000, 2000].map((disks) => ({ disks, heapPerByte: heapPerByte(disks) }));
process.stdout.write(`${JSON.stringify({ perByte, meter: meterCost(400) })}\n`);

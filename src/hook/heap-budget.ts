/**
 * The heap the served process actually has, and what one call may bring and do inside it: the
 * limits a default or a flag promises are lowered to what the heap holds
 * (docs/serving.md#bounded-work).
 */
import { getHeapStatistics } from 'node:v8';
import { type Limits } from '../engine/index.js';

/**
 * Bytes of heap per unit, measured with the bundle and the image's flags (`npm run bench`,
 * bench/work-budgets.ts): a character of CloudInitData while it is parsed, patched and written
 * (a KubeVirt domain's figure; a domain's DOM has its own estimate, src/engine/xml/dom-size.ts); a patch
 * source compiled (its YAML tree is garbage after, its documents stay); user data as a YAML
 * tree, its JSON form and its text written back; a node an operation inserts with its layout;
 * a VMI value parsed and turned into CEL values.
 */
export const HEAP_PER = {
  cloudInitChar: 32,
  sourceChar: 120,
  dataChar: 120,
  node: 1200,
  jsonValue: 400,
} as const;

/** V8 needs room to collect garbage in: a call may plan on this share of the free heap. */
const PLANNED_SHARE = 0.7;
/** The heap probe refuses to go on above the limit less this: the allocations between two probes fit in it. */
const RESERVE_BYTES = 3 * 1024 * 1024;

export interface HeapBudget {
  /** V8's heap_size_limit: old space, plus the young generation */
  readonly limitBytes: number;
  /** bytes one call may plan on (free heap at start-up, less room for the collector) */
  readonly callBytes: number;
}

/**
 * Measured at start-up, after the modules are loaded: collected first when it can be, so their
 * garbage is not counted as used.
 */
export function heapBudget(): HeapBudget {
  collector()?.();
  const heap = getHeapStatistics();
  return {
    limitBytes: heap.heap_size_limit,
    callBytes: Math.max(
      0,
      Math.floor((heap.heap_size_limit - heap.used_heap_size) * PLANNED_SHARE),
    ),
  };
}

/** The limits the heap holds: each flag or default, lowered where the budget cannot hold it. */
export function limitsForHeap(
  limits: Limits,
  budget: HeapBudget,
): { readonly limits: Limits; readonly lowered: readonly (keyof Limits)[] } {
  const holds = (per: number): number => Math.floor(budget.callBytes / per);
  const wanted: Partial<Record<keyof Limits, number>> = {
    maxSourceLength: holds(HEAP_PER.sourceChar),
    maxDataLength: holds(HEAP_PER.dataChar),
    maxNodes: holds(HEAP_PER.node),
    maxJsonValues: holds(HEAP_PER.jsonValue),
    maxDomBytes: budget.callBytes,
  };
  const result: Record<keyof Limits, number> = { ...limits };
  const lowered: (keyof Limits)[] = [];
  for (const [field, most] of Object.entries(wanted) as [keyof Limits, number][]) {
    if (result[field] > most) {
      result[field] = most;
      lowered.push(field);
    }
  }
  return { limits: result, lowered };
}

/**
 * One call's limits: the nodes its operations may insert share the budget with the heap its input
 * takes (a domain's DOM estimate, CloudInitData's characters), so a large input leaves room for fewer.
 */
export function limitsForCall(limits: Limits, budget: HeapBudget, inputHeapBytes: number): Limits {
  const left = budget.callBytes - inputHeapBytes;
  const nodes = Math.max(0, Math.floor(left / HEAP_PER.node));
  return nodes >= limits.maxNodes ? limits : { ...limits, maxNodes: nodes };
}

/** `gc` when node runs with --expose-gc (the image does): the probe then tells garbage from live data. */
function collector(): (() => void) | undefined {
  const gc: unknown = Reflect.get(globalThis, 'gc');
  return typeof gc === 'function' ? () => Reflect.apply(gc, undefined, []) : undefined;
}

/** Requests from this size on first collect what earlier calls left (`collectBeforeLarge`). */
const LARGE_REQUEST_BYTES = 1024 * 1024;

/**
 * Before a large request's work, a collection: a request's and a reply's bytes live outside V8's
 * heap and are freed only when a collection finds their buffers unreferenced, which the heap's
 * own collections do not hurry — two 4 MiB calls in a row held 16 MiB of such bytes at the start
 * of the second, and the 64M sidecar was OOM-killed. A small call costs nothing.
 */
export function collectBeforeLarge(): (requestBytes: number) => void {
  const collect = collector();
  return (requestBytes) => {
    if (collect !== undefined && requestBytes >= LARGE_REQUEST_BYTES) collect();
  };
}

/** At most one forced collection in this many probes over the watermark (~32,000 units of work). */
const PROBES_PER_COLLECTION = 8;

/**
 * Whether the heap has room for a call to go on. Above the watermark the heap may only hold
 * garbage: with a collector it is collected and the heap looked at again. A full collection
 * takes tens of milliseconds, so while the heap stays above the watermark it is forced once in
 * PROBES_PER_COLLECTION probes, and the probes between trust what the last one found.
 */
export function heapProbe(budget: HeapBudget): () => boolean {
  const watermark = budget.limitBytes - RESERVE_BYTES;
  const collect = collector();
  let live = 0;
  let sinceCollection = PROBES_PER_COLLECTION;
  return () => {
    if (getHeapStatistics().used_heap_size < watermark) return true;
    if (collect === undefined) return false;
    sinceCollection += 1;
    if (sinceCollection < PROBES_PER_COLLECTION) return live < watermark;
    sinceCollection = 0;
    collect();
    live = getHeapStatistics().used_heap_size;
    return live < watermark;
  };
}

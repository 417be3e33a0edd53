/**
 * The bounds on what one call or one patch source may bring, so hostile input fails with
 * LIMIT_EXCEEDED instead of exhausting the sidecar.
 */
import { DEFAULT_CEL_LIMITS, type CelLimits } from './expr/cel-limits.js';
import type { WorkBudgets } from './meter.js';

export interface Limits {
  /** characters of the domain XML or CloudInitData one call may bring (grpc's receive limit is 4 MiB) */
  readonly maxInputLength: number;
  /** characters of one patch source, a file or the annotation (a ConfigMap holds at most 1 MiB) */
  readonly maxSourceLength: number;
  /** operations in one patch source, over all its documents and lists */
  readonly maxOperations: number;
  /**
   * deepest element nesting of the domain XML (and JSON nesting of CloudInitData): our DOM walks
   * recurse, so a deeper document is refused by a linear pre-scan before any parser sees it
   */
  readonly maxDepth: number;
  /** highest worst-case CEL cost of one evaluation ; see expr/cel-limits.ts */
  readonly maxCelCost: number;
  /** nodes the operations of one call may insert (an element and its line break count two) */
  readonly maxNodes: number;
  /** highest cost of one XPath evaluation: nodes visited, sorted and compared (docs/serving.md#limits) */
  readonly maxXPathCost: number;
  /** UTF-8 bytes of a reply: virt-launcher's grpc-go client refuses a larger message (4 MiB) */
  readonly maxOutputBytes: number;
  /** characters of UserData or NetworkData read as YAML to be patched (a YAML tree is ~20 bytes of heap a character) */
  readonly maxDataLength: number;
  /** values (objects, arrays, scalars) in the VMI or the CloudInitData a call brings: JSON.parse builds them all */
  readonly maxJsonValues: number;
  /** bytes of heap the domain's DOM may take, estimated before it is parsed (xml/dom-size.ts) */
  readonly maxDomBytes: number;
}

/** Recursion stays safe well past this on Node's default stack; flags may not raise maxDepth above it. */
export const MAX_DEPTH_CEILING = 1000;

/** YAML aliases resolved per document: an anchor/alias bomb expands exponentially, real patches use a few. */
export const MAX_YAML_ALIASES = 100;

/** libvirt domains nest about 8 deep; a real KubeVirt domain is 8 KB, hundreds of devices some 100 KB. */
export const DEFAULT_LIMITS: Limits = {
  maxInputLength: 4 * 1024 * 1024,
  maxSourceLength: 1024 * 1024,
  maxOperations: 10_000,
  maxDepth: 256,
  maxCelCost: DEFAULT_CEL_LIMITS.maxCost,
  // about 25 MB of xmldom nodes; the server lowers it to what its heap holds (src/hook/heap-budget.ts)
  maxNodes: 100_000,
  // like CEL's: `//disk[alias/@name='x']` costs ≈ 53,000 on the largest domain served (2,200 disks);
  // the costliest unit takes ≈ 0.2 µs, so one evaluation stays a short slice at 200m CPU
  maxXPathCost: 250_000,
  maxOutputBytes: 4 * 1024 * 1024,
  maxDataLength: 1024 * 1024,
  maxJsonValues: 1_000_000,
  maxDomBytes: 256 * 1024 * 1024,
};

/** The work budgets of one call under `limits`: a reply cannot carry more characters than bytes. */
export function workBudgetsOf(limits: Limits): WorkBudgets {
  return {
    maxNodes: limits.maxNodes,
    maxChars: limits.maxOutputBytes,
    maxXPathCost: limits.maxXPathCost,
  };
}

/** The CEL bounds with the cost limit of `limits`. */
export function celLimitsOf(limits: Limits): CelLimits {
  return limits.maxCelCost === DEFAULT_CEL_LIMITS.maxCost
    ? DEFAULT_CEL_LIMITS
    : { ...DEFAULT_CEL_LIMITS, maxCost: limits.maxCelCost };
}

/** The bounds that keep a CEL expression cheap: checked when it is compiled and before each evaluation. */

export interface CelLimits {
  /** longest accepted expression source, in characters */
  readonly maxSourceLength: number;
  /** most AST nodes the parser may produce */
  readonly maxAstNodes: number;
  /** deepest nesting of calls, selections, indexes and literals */
  readonly maxDepth: number;
  /**
   * Highest worst-case cost an evaluation may have (docs/documents.md#conditions-and-values).
   * One unit is roughly one AST node visited, one comprehension step or one character
   * or element copied or scanned; see estimate-cost.ts.
   */
  readonly maxCost: number;
}

/**
 * A million units evaluate in roughly 0.1 s at most: one unit measured 1–130 ns
 * (docs/documents.md#conditions-and-values).
 */
export const DEFAULT_CEL_LIMITS: CelLimits = {
  maxSourceLength: 4096,
  maxAstNodes: 1000,
  maxDepth: 32,
  maxCost: 1_000_000,
};

/** The bounds that keep a CEL expression cheap: checked when it is compiled and before each evaluation. */

export interface CelLimits {
  /** longest accepted expression source, in characters */
  readonly maxSourceLength: number;
  /** most AST nodes the parser may produce */
  readonly maxAstNodes: number;
  /** deepest nesting of calls, selections, indexes and literals */
  readonly maxDepth: number;
  /**
   * Highest worst-case cost an evaluation may have (SPEC §1.5: "CEL evaluation has a cost
   * limit"). One unit is roughly one AST node visited, one comprehension step or one character
   * or element copied or scanned; see estimate-cost.ts.
   */
  readonly maxCost: number;
}

/** A million units evaluate in well under 100 ms on the reference machine (see README). */
export const DEFAULT_CEL_LIMITS: CelLimits = {
  maxSourceLength: 4096,
  maxAstNodes: 1000,
  maxDepth: 32,
  maxCost: 1_000_000,
};

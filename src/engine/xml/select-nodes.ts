/**
 * Evaluate a compiled XPath against a DOM node: linear in document size for the paths patches use;
 * nodes in document order, no duplicates.
 */
import type { Node } from '@xmldom/xmldom';
import type { CompiledXPath } from './compile-xpath.js';
import { DocumentOrder } from './xpath/document-order.js';
import { evaluateExpression } from './xpath/evaluate-expression.js';
import { withXPathCost } from './xpath/evaluation-cost.js';
import { isNodeSet, type XPathValue } from './xpath/xpath-value.js';

export type { XPathValue } from './xpath/xpath-value.js';

/**
 * A path whose result is not a node-set (e.g. `count(//disk)`) selects nothing; its cost is bounded
 * (evaluation-cost.ts).
 */
export function selectNodes(path: CompiledXPath, context: Node): Node[] {
  const value = withXPathCost(() => evaluateXPath(path, context));
  return isNodeSet(value) ? [...value] : [];
}

/**
 * The expression's value with the context node at position 1 of 1: a node-set (document order),
 * string, number or boolean.
 */
export function evaluateXPath(path: CompiledXPath, context: Node): XPathValue {
  const order = new DocumentOrder();
  return evaluateExpression(path.expression, { node: context, position: 1, size: 1 }, order);
}

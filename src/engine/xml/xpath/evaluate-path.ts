/**
 * Location steps in linear time: each context's axis is walked once, positions come from that walk, and document order
 * is kept by construction (a child step from nodes none of which contains another) or restored by numbering.
 */
import type { Node } from '@xmldom/xmldom';
import { axisNodes, isLinearAxis, isReverseAxis } from './axes.js';
import { withoutCoveredContexts, type NodeSetShape } from './covered-contexts.js';
import type { DocumentOrder } from './document-order.js';
import { chargeXPath } from './evaluation-cost.js';
import { evaluateExpression } from './evaluate-expression.js';
import type { Expression, Step } from './syntax-tree.js';
import { toXPathBoolean } from './xpath-value.js';

export function evaluatePath(
  steps: readonly Step[],
  start: readonly Node[],
  shape: NodeSetShape,
  order: DocumentOrder,
): readonly Node[] {
  let current = start;
  let currentShape = shape;
  for (const step of steps) {
    const selected: Node[] = [];
    const contexts =
      step.positionFree === true
        ? withoutCoveredContexts(step.axis, current, currentShape)
        : { nodes: current, shape: currentShape };
    for (const node of contexts.nodes) {
      for (const found of selectStep(step, node, order)) selected.push(found);
    }
    const next = shapeAfter(step, contexts.shape);
    current = next === undefined ? order.sortUnique(selected) : selected;
    currentShape = next ?? 'ordered';
  }
  return current;
}

/** The shape of a step's concatenated results, or undefined when they must be sorted and deduplicated. */
function shapeAfter(step: Step, input: NodeSetShape): NodeSetShape | undefined {
  switch (step.axis) {
    case 'self':
      return input;
    case 'attribute':
      return 'flat';
    case 'child':
      return input === 'flat' ? 'flat' : undefined;
    case 'descendant':
    case 'descendant-or-self':
      return input === 'flat' ? 'ordered' : undefined;
    default:
      return undefined;
  }
}

/** One context node's step result, in document order. */
function selectStep(step: Step, node: Node, order: DocumentOrder): readonly Node[] {
  if (!isLinearAxis(step.axis))
    throw new Error(`axis ${step.axis} reached the evaluator; compileXPath rejects it`);
  let candidates: readonly Node[] = axisNodes(step.axis, node, step.test);
  for (const predicate of step.predicates)
    candidates = applyPredicate(candidates, predicate, order);
  return isReverseAxis(step.axis) ? [...candidates].reverse() : candidates;
}

/** Predicates of a FilterExpr count positions in document order (§3.3). */
export function filterByPredicates(
  nodes: readonly Node[],
  predicates: readonly Expression[],
  order: DocumentOrder,
): readonly Node[] {
  let candidates = nodes;
  for (const predicate of predicates) candidates = applyPredicate(candidates, predicate, order);
  return candidates;
}

/** > If the result is a number, the result will be converted to true if the number is equal to the context position. */
function applyPredicate(
  candidates: readonly Node[],
  predicate: Expression,
  order: DocumentOrder,
): readonly Node[] {
  if (predicate.kind === 'number') {
    const picked = candidates[predicate.value - 1];
    return picked === undefined ? [] : [picked];
  }
  const size = candidates.length;
  chargeXPath(size);
  return candidates.filter((node, index) => {
    const value = evaluateExpression(predicate, { node, position: index + 1, size }, order);
    return typeof value === 'number' ? value === index + 1 : toXPathBoolean(value);
  });
}

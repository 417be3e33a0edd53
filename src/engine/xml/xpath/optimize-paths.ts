/**
 * Rewrite `//name[p]` (descendant-or-self::node()/child::name[p]) to `descendant::name[p]` when no predicate depends on
 * the position: the same nodes, found in one preorder walk and already in document order. Marks
 * such steps positionFree.
 */
import { staticType } from './check-expression.js';
import type { Expression, Step } from './syntax-tree.js';

export function optimizePaths(expression: Expression): Expression {
  switch (expression.kind) {
    case 'or':
    case 'and':
    case 'compare':
    case 'arithmetic':
    case 'union':
      return {
        ...expression,
        left: optimizePaths(expression.left),
        right: optimizePaths(expression.right),
      };
    case 'negate':
      return { ...expression, operand: optimizePaths(expression.operand) };
    case 'call':
      return { ...expression, args: expression.args.map(optimizePaths) };
    case 'path':
      return { ...expression, steps: optimizeSteps(expression.steps) };
    case 'filter':
      return {
        ...expression,
        primary: optimizePaths(expression.primary),
        predicates: expression.predicates.map(optimizePaths),
        steps: optimizeSteps(expression.steps),
      };
    default:
      return expression;
  }
}

function optimizeSteps(steps: readonly Step[]): Step[] {
  const optimized: Step[] = [];
  for (let index = 0; index < steps.length; index += 1) {
    const step = steps[index];
    if (step === undefined) continue;
    const next = steps[index + 1];
    const predicates = (next?.predicates ?? []).map(optimizePaths);
    if (
      next !== undefined &&
      isAnyDescendantOrSelf(step) &&
      next.axis === 'child' &&
      predicates.every(isPositionFree)
    ) {
      optimized.push({ axis: 'descendant', test: next.test, predicates, positionFree: true });
      index += 1;
    } else {
      const own = step.predicates.map(optimizePaths);
      optimized.push({ ...step, predicates: own, positionFree: own.every(isPositionFree) });
    }
  }
  return optimized;
}

function isAnyDescendantOrSelf(step: Step): boolean {
  return (
    step.axis === 'descendant-or-self' && step.test.kind === 'node' && step.predicates.length === 0
  );
}

/** A predicate that is never a number and never asks for position() or last() of its own context. */
function isPositionFree(predicate: Expression): boolean {
  const type = staticType(predicate);
  return (
    (type === 'boolean' || type === 'string' || type === 'node-set') &&
    !usesContextPosition(predicate)
  );
}

/**
 * Looks into everything evaluated in the predicate's own context: not into step or filter
 * predicates, which have their own.
 */
function usesContextPosition(expression: Expression): boolean {
  switch (expression.kind) {
    case 'call':
      return (
        expression.name === 'position' ||
        expression.name === 'last' ||
        expression.args.some(usesContextPosition)
      );
    case 'or':
    case 'and':
    case 'compare':
    case 'arithmetic':
    case 'union':
      return usesContextPosition(expression.left) || usesContextPosition(expression.right);
    case 'negate':
      return usesContextPosition(expression.operand);
    case 'filter':
      return usesContextPosition(expression.primary);
    default:
      return false;
  }
}

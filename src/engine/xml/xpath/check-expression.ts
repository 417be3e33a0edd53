/** Load-time checks a parser cannot make: known functions with the right arity, node-set operands, no variables. */
import type { Problem } from '../../errors.js';
import { CORE_FUNCTIONS, type ValueType } from './core-functions.js';
import type { Expression } from './syntax-tree.js';

/** The expressions directly inside this one, including step predicates. */
export function childExpressions(expression: Expression): readonly Expression[] {
  switch (expression.kind) {
    case 'or':
    case 'and':
    case 'compare':
    case 'arithmetic':
    case 'union':
      return [expression.left, expression.right];
    case 'negate':
      return [expression.operand];
    case 'call':
      return expression.args;
    case 'path':
      return expression.steps.flatMap((step) => step.predicates);
    case 'filter':
      return [
        expression.primary,
        ...expression.predicates,
        ...expression.steps.flatMap((step) => step.predicates),
      ];
    default:
      return [];
  }
}

export function staticType(expression: Expression): ValueType | 'unknown' {
  switch (expression.kind) {
    case 'or':
    case 'and':
    case 'compare':
      return 'boolean';
    case 'arithmetic':
    case 'negate':
    case 'number':
      return 'number';
    case 'literal':
      return 'string';
    case 'union':
    case 'path':
    case 'filter':
      return 'node-set';
    case 'call':
      return CORE_FUNCTIONS[expression.name]?.returns ?? 'unknown';
    case 'variable':
      return 'unknown';
  }
}

/** The first problem found, walking the tree outside-in. */
export function checkExpression(expression: Expression): Problem | undefined {
  const problem = checkNode(expression);
  if (problem !== undefined) return problem;
  for (const child of childExpressions(expression)) {
    const found = checkExpression(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

function syntax(message: string): Problem {
  return { code: 'XPATH_SYNTAX', message };
}

function checkNode(expression: Expression): Problem | undefined {
  if (expression.kind === 'variable')
    return syntax(`variable $${expression.name}: patch paths have no variables`);
  if (
    expression.kind === 'union' &&
    (staticType(expression.left) !== 'node-set' || staticType(expression.right) !== 'node-set')
  ) {
    return syntax("the operands of '|' must be node-sets");
  }
  if (expression.kind === 'filter' && staticType(expression.primary) !== 'node-set')
    return syntax('only a node-set can be filtered by a predicate or followed by a path');
  const steps = expression.kind === 'path' || expression.kind === 'filter' ? expression.steps : [];
  if (steps.some((step) => step.axis === 'namespace'))
    return syntax('the namespace axis is not available: the DOM has no namespace nodes');
  if (expression.kind !== 'call') return undefined;
  const definition = CORE_FUNCTIONS[expression.name];
  if (definition === undefined) return syntax(`unknown function ${expression.name}()`);
  if (expression.args.length < definition.min || expression.args.length > definition.max) {
    const range =
      definition.min === definition.max
        ? `${definition.min}`
        : `${definition.min} to ${definition.max}`;
    return syntax(`${expression.name}() takes ${range} arguments`);
  }
  const first = expression.args[0];
  const needsNodeSet = CORE_FUNCTIONS[expression.name]?.nodeSetArgument === true;
  if (needsNodeSet && first !== undefined && staticType(first) !== 'node-set')
    return syntax(`the argument of ${expression.name}() must be a node-set`);
  return undefined;
}

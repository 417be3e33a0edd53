/**
 * Evaluate a syntax tree against a context (§1: node, position, size); location paths are handed
 * to evaluatePath.
 */
import type { Node } from '@xmldom/xmldom';
import { compareValues } from './compare-values.js';
import { CORE_FUNCTIONS, type FunctionContext } from './core-functions.js';
import { rootOf } from './data-model.js';
import type { DocumentOrder } from './document-order.js';
import { chargeXPath } from './evaluation-cost.js';
import { evaluatePath, filterByPredicates } from './evaluate-path.js';
import type { ArithmeticOperator, Expression } from './syntax-tree.js';
import { isNodeSet, toXPathBoolean, toXPathNumber, type XPathValue } from './xpath-value.js';

export type EvaluationContext = FunctionContext;

export function evaluateExpression(
  expression: Expression,
  context: EvaluationContext,
  order: DocumentOrder,
): XPathValue {
  switch (expression.kind) {
    case 'or':
    case 'and':
      return logical(expression, context, order);
    case 'compare':
      return compareValues(
        expression.operator,
        evaluateExpression(expression.left, context, order),
        evaluateExpression(expression.right, context, order),
      );
    case 'arithmetic':
      return arithmetic(
        expression.operator,
        toXPathNumber(evaluateExpression(expression.left, context, order)),
        toXPathNumber(evaluateExpression(expression.right, context, order)),
      );
    case 'negate':
      return -toXPathNumber(evaluateExpression(expression.operand, context, order));
    case 'union':
      return order.sortUnique([
        ...nodeSet(expression.left, context, order),
        ...nodeSet(expression.right, context, order),
      ]);
    case 'literal':
    case 'number':
      return expression.value;
    case 'variable':
      throw new Error(
        `variable $${expression.name} reached the evaluator; compileXPath rejects variables`,
      );
    case 'call':
      return callFunction(expression, context, order);
    case 'path':
      return evaluatePath(
        expression.steps,
        [expression.absolute ? rootOf(context.node) : context.node],
        'flat',
        order,
      );
    case 'filter':
      return evaluatePath(
        expression.steps,
        filterByPredicates(
          nodeSet(expression.primary, context, order),
          expression.predicates,
          order,
        ),
        'ordered',
        order,
      );
  }
}

/** §3.4: `or` and `and` evaluate the right operand only when the left does not decide. */
function logical(
  expression: Extract<Expression, { readonly kind: 'or' | 'and' }>,
  context: EvaluationContext,
  order: DocumentOrder,
): boolean {
  const left = toXPathBoolean(evaluateExpression(expression.left, context, order));
  if (left === (expression.kind === 'or')) return left;
  return toXPathBoolean(evaluateExpression(expression.right, context, order));
}

/** A core function (§4) on its evaluated arguments. */
function callFunction(
  expression: Extract<Expression, { readonly kind: 'call' }>,
  context: EvaluationContext,
  order: DocumentOrder,
): XPathValue {
  const definition = CORE_FUNCTIONS[expression.name];
  if (definition === undefined)
    throw new Error(
      `function ${expression.name}() reached the evaluator; compileXPath rejects unknown functions`,
    );
  const value = definition.call(
    expression.args.map((argument) => evaluateExpression(argument, context, order)),
    context,
  );
  // string functions build strings as long as their arguments (concat, translate, substring)
  chargeXPath(typeof value === 'string' ? 1 + (value.length >> 4) : 1);
  return value;
}

/** A node-set operand; the compiler has checked statically that nothing else can arrive here. */
function nodeSet(
  expression: Expression,
  context: EvaluationContext,
  order: DocumentOrder,
): readonly Node[] {
  const value = evaluateExpression(expression, context, order);
  return isNodeSet(value) ? value : [];
}

function arithmetic(operator: ArithmeticOperator, left: number, right: number): number {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case 'div':
      return left / right;
    case 'mod':
      return left % right;
  }
}

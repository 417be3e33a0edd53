/** Evaluate a syntax tree against a context (§1: node, position, size); location paths are handed to evaluatePath. */
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
      return (
        toXPathBoolean(evaluateExpression(expression.left, context, order)) ||
        toXPathBoolean(evaluateExpression(expression.right, context, order))
      );
    case 'and':
      return (
        toXPathBoolean(evaluateExpression(expression.left, context, order)) &&
        toXPathBoolean(evaluateExpression(expression.right, context, order))
      );
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
    case 'call': {
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
    case 'path':
      return evaluatePath(
        expression.steps,
        [expression.absolute ? rootOf(context.node) : context.node],
        'flat',
        order,
      );
    case 'filter': {
      const selected = filterByPredicates(
        nodeSet(expression.primary, context, order),
        expression.predicates,
        order,
      );
      return evaluatePath(expression.steps, selected, 'ordered', order);
    }
  }
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

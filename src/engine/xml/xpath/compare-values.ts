/** Comparisons with XPath 1.0 semantics (§3.4): a node-set compares true if any of its nodes' string-values does. */
import type { Node } from '@xmldom/xmldom';
import { stringValueOf } from './data-model.js';
import { chargeXPath } from './evaluation-cost.js';
import type { ComparisonOperator } from './syntax-tree.js';
import {
  isNodeSet,
  toXPathBoolean,
  toXPathNumber,
  toXPathString,
  stringToNumber,
  type XPathValue,
} from './xpath-value.js';

export function compareValues(
  operator: ComparisonOperator,
  left: XPathValue,
  right: XPathValue,
): boolean {
  if (isNodeSet(left)) {
    if (isNodeSet(right))
      return compareNodeSets(operator, left.map(stringValueOf), right.map(stringValueOf));
    return compareNodeSetWith(operator, left, right, false);
  }
  if (isNodeSet(right)) return compareNodeSetWith(operator, right, left, true);
  return compareAtoms(operator, left, right);
}

/**
 * node-set vs boolean compares boolean(node-set); otherwise each node's string-value (or its
 * number) compares with the other value.
 */
function compareNodeSetWith(
  operator: ComparisonOperator,
  nodes: readonly Node[],
  other: string | number | boolean,
  swapped: boolean,
): boolean {
  if (typeof other === 'boolean')
    return swapped
      ? compareAtoms(operator, other, nodes.length > 0)
      : compareAtoms(operator, nodes.length > 0, other);
  return nodes.some((node) => {
    const text = stringValueOf(node);
    const atom = typeof other === 'number' ? stringToNumber(text) : text;
    return swapped ? compareAtoms(operator, other, atom) : compareAtoms(operator, atom, other);
  });
}

/**
 * Linear in both sides: a pair exists iff it exists between the extremes (or, for `!=`, iff there
 * are two distinct strings).
 */
function compareNodeSets(
  operator: ComparisonOperator,
  left: readonly string[],
  right: readonly string[],
): boolean {
  if (left.length === 0 || right.length === 0) return false;
  chargeXPath(left.length + right.length);
  if (operator === '=') {
    const wanted = new Set(right);
    return left.some((text) => wanted.has(text));
  }
  if (operator === '!=') return new Set([...left, ...right]).size > 1;
  const leftNumbers = left.map(stringToNumber).filter((number) => !Number.isNaN(number));
  const rightNumbers = right.map(stringToNumber).filter((number) => !Number.isNaN(number));
  if (leftNumbers.length === 0 || rightNumbers.length === 0) return false;
  const low = operator === '<' || operator === '<=';
  const min = (a: number, b: number): number => Math.min(a, b);
  const max = (a: number, b: number): number => Math.max(a, b);
  const leftExtreme = leftNumbers.reduce(low ? min : max);
  const rightExtreme = rightNumbers.reduce(low ? max : min);
  return compareNumbers(operator, leftExtreme, rightExtreme);
}

function compareAtoms(
  operator: ComparisonOperator,
  left: string | number | boolean,
  right: string | number | boolean,
): boolean {
  if (operator === '=' || operator === '!=') {
    let equal: boolean;
    if (typeof left === 'boolean' || typeof right === 'boolean')
      equal = toXPathBoolean(left) === toXPathBoolean(right);
    else if (typeof left === 'number' || typeof right === 'number')
      equal = toXPathNumber(left) === toXPathNumber(right);
    else equal = toXPathString(left) === toXPathString(right);
    return operator === '=' ? equal : !equal;
  }
  return compareNumbers(operator, toXPathNumber(left), toXPathNumber(right));
}

function compareNumbers(operator: ComparisonOperator, left: number, right: number): boolean {
  switch (operator) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

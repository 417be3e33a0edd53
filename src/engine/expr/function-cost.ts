/** Cost and result bound of each function in the CEL standard library, for estimate-cost.ts. */
import { documentBound, joinAll, listBound, SCALAR, stringBound, type Bound } from './cost-bound.js';

export interface Estimate {
  readonly cost: number;
  readonly bound: Bound;
}

/** Functions whose result is a number, bool, type, duration or timestamp; they read their operands once. */
const SCALAR_RESULT = new Set([
  'size', 'int', 'uint', 'double', 'bool', 'type', 'duration', 'timestamp', 'has', 'hasValue', 'at',
  'contains', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf',
  'getDate', 'getDayOfMonth', 'getDayOfWeek', 'getDayOfYear', 'getFullYear', 'getHours',
  'getMilliseconds', 'getMinutes', 'getMonth', 'getSeconds',
]);

/** Functions returning a string or bytes no longer than twice their operand (plus a number's digits). */
const STRING_RESULT = new Set(['string', 'bytes', 'lowerAscii', 'upperAscii', 'trim', 'substring', 'base64', 'hex']);

function scanned(operands: readonly Estimate[]): number {
  return operands.reduce((cost, operand) => cost + operand.cost + operand.bound.chars + operand.bound.items, 1);
}

export function functionEstimate(name: string, operands: readonly Estimate[]): Estimate {
  const first = operands[0]?.bound ?? SCALAR;
  const cost = scanned(operands);
  if (SCALAR_RESULT.has(name)) return { cost, bound: SCALAR };
  if (STRING_RESULT.has(name)) return { cost: cost + first.chars, bound: stringBound(2 * first.chars + 32) };
  switch (name) {
    case 'dyn':
    case 'value':
      return { cost, bound: first };
    case 'matches': {
      // the pattern is a checked literal (regex-safety.ts): backtracking stays polynomial
      const pattern = operands[1]?.bound.chars ?? 0;
      return { cost: cost + (first.chars + 1) * (pattern + 1), bound: SCALAR };
    }
    case 'split':
      return { cost: cost + 2 * first.chars, bound: listBound(first.chars + 1, stringBound(first.chars)) };
    case 'join': {
      const separator = operands[1]?.bound.chars ?? 0;
      const chars = first.total + first.items * separator;
      return { cost: cost + chars, bound: stringBound(chars) };
    }
    case 'json':
      return { cost: cost + first.chars, bound: documentBound({ items: first.chars, chars: first.chars, total: first.chars }) };
    default: {
      // not in the standard library as registered: assume it may combine all its operands
      const bounds = operands.map((operand) => operand.bound);
      const total = bounds.reduce((all, bound) => all + bound.total, 0);
      return { cost: cost + total, bound: { ...joinAll(bounds), total } };
    }
  }
}

/** Cost and result bound of each function in the CEL standard library, for estimate-cost.ts. */
import { RE2_FUNCTION } from './re2-matches.js';
import {
  joinAll,
  joinBounds,
  listBound,
  SCALAR,
  shapeBound,
  stringBound,
  type Bound,
} from './cost-bound.js';

export interface Estimate {
  readonly cost: number;
  readonly bound: Bound;
}

/** Functions that return a scalar in constant time. */
const CONSTANT = new Set([
  'size',
  'type',
  'has',
  'hasValue',
  'at',
  'getDate',
  'getDayOfMonth',
  'getDayOfWeek',
  'getDayOfYear',
  'getFullYear',
  'getHours',
  'getMilliseconds',
  'getMinutes',
  'getMonth',
  'getSeconds',
]);

/** Functions that return a scalar after scanning their string operands. */
const SCANNING = new Set([
  'int',
  'uint',
  'double',
  'bool',
  'duration',
  'timestamp',
  'contains',
  'startsWith',
  'endsWith',
  'indexOf',
  'lastIndexOf',
]);

/** Functions returning a string or bytes no longer than twice their operand (plus a number's digits). */
const STRING_RESULT = new Set([
  'string',
  'bytes',
  'lowerAscii',
  'upperAscii',
  'trim',
  'substring',
  'base64',
  'hex',
]);

function scanned(operands: readonly Estimate[]): number {
  return operands.reduce((cost, operand) => cost + operand.cost + operand.bound.chars, 1);
}

/** `a + b`: free on numbers, a copy of both on strings and lists. */
export function plusEstimate(cost: number, a: Bound, b: Bound): Estimate {
  if (a.kind === 'scalar' || b.kind === 'scalar') return { cost, bound: SCALAR };
  const chars = a.chars + b.chars;
  const items = a.items + b.items;
  const total = a.total + b.total;
  if (a.kind === 'string' || b.kind === 'string')
    return { cost: cost + chars, bound: stringBound(chars) };
  const item =
    a.item === undefined ? b.item : b.item === undefined ? a.item : joinBounds(a.item, b.item);
  const kind = a.kind === 'list' || b.kind === 'list' ? 'list' : 'any';
  return {
    cost: cost + (kind === 'list' ? items : chars + items),
    bound: { kind, items, chars, total, item },
  };
}

export function functionEstimate(name: string, operands: readonly Estimate[]): Estimate {
  const first = operands[0]?.bound ?? SCALAR;
  const cost = scanned(operands);
  if (CONSTANT.has(name))
    return { cost: operands.reduce((sum, operand) => sum + operand.cost, 1), bound: SCALAR };
  if (SCANNING.has(name)) return { cost, bound: SCALAR };
  if (STRING_RESULT.has(name))
    return { cost: cost + first.chars, bound: stringBound(2 * first.chars + 32) };
  switch (name) {
    case 'dyn':
    case 'value':
      return { cost, bound: first };
    case 'matches':
    case RE2_FUNCTION: {
      // RE2 matches in time proportional to subject times pattern
      const pattern = operands[1]?.bound.chars ?? 0;
      return { cost: cost + (first.chars + 1) * (pattern + 1), bound: SCALAR };
    }
    case 'split':
      return {
        cost: cost + 2 * first.chars,
        bound: listBound(first.chars + 1, stringBound(first.chars)),
      };
    case 'join': {
      const separator = operands[1]?.bound.chars ?? 0;
      const chars = first.total + first.items * separator;
      return { cost: cost + chars, bound: stringBound(chars) };
    }
    case 'json':
      return {
        cost: cost + first.chars,
        bound: shapeBound({ items: first.chars, chars: first.chars, total: first.chars }),
      };
    default: {
      // not in the standard library as registered: assume it may combine all its operands
      const bounds = operands.map((operand) => operand.bound);
      const total = bounds.reduce((all, bound) => all + bound.total, 0);
      return { cost: cost + total, bound: { ...joinAll(bounds), total } };
    }
  }
}

/**
 * Worst-case cost of evaluating a CEL expression against a given VMI.
 * The CEL library bounds only the parse, so the cost limit is checked before evaluation:
 * comprehension steps multiply by the largest list they can range over, and copying or
 * scanning strings and lists costs their size.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import {
  concreteBound,
  elementOf,
  joinAll,
  joinBounds,
  listBound,
  memberOf,
  SCALAR,
  stringBound,
  type Bound,
} from './cost-bound.js';
import { functionEstimate, plusEstimate, type Estimate } from './function-cost.js';

type Names = ReadonlyMap<string, Bound>;

const MACROS = new Set(['map', 'filter', 'all', 'exists', 'exists_one']);

function literalBound(value: unknown): Bound {
  if (typeof value === 'string') return stringBound(value.length);
  if (value instanceof Uint8Array) return stringBound(value.length);
  return SCALAR;
}

function sum(estimates: readonly Estimate[]): number {
  return estimates.reduce((total, estimate) => total + estimate.cost, 0);
}

/** `list.map(x, …)` and friends: each step is paid once per element the range may have. */
function macroEstimate(
  name: string,
  range: Estimate,
  args: readonly ASTNode[],
  names: Names,
): Estimate {
  const [variable, ...bodies] = args;
  const inner = new Map(names);
  if (variable?.op === 'id') inner.set(variable.args, elementOf(range.bound));
  const steps = bodies.map((body) => estimate(body, inner));
  const cost = range.cost + range.bound.items * (sum(steps) + 1);
  const last = steps[steps.length - 1];
  if (name === 'map' && last !== undefined)
    return { cost, bound: listBound(range.bound.items, last.bound) };
  // a filtered list is no longer the VMI's own, so its bound keeps the sizes but not the value
  const { kind, items, chars, total } = range.bound;
  if (name === 'filter')
    return { cost, bound: { kind, items, chars, total, item: elementOf(range.bound) } };
  return { cost, bound: SCALAR };
}

/** `cel.bind(name, value, body)`. */
function bindEstimate(args: readonly ASTNode[], names: Names): Estimate {
  const [variable, valueNode, body] = args;
  if (variable?.op !== 'id' || valueNode === undefined || body === undefined)
    return { cost: 1, bound: SCALAR };
  const value = estimate(valueNode, names);
  const inner = new Map(names).set(variable.args, value.bound);
  const result = estimate(body, inner);
  return { cost: value.cost + result.cost + 1, bound: result.bound };
}

function estimate(node: ASTNode, names: Names): Estimate {
  switch (node.op) {
    case 'value':
      return { cost: 1, bound: literalBound(node.args) };
    case 'id':
      return { cost: 1, bound: names.get(node.args) ?? SCALAR };
    case '.':
    case '.?': {
      const target = estimate(node.args[0], names);
      return { cost: target.cost + 1, bound: memberOf(target.bound, node.args[1]) };
    }
    case '[]':
    case '[?]': {
      const [target, index] = [estimate(node.args[0], names), estimate(node.args[1], names)];
      const key = node.args[1].op === 'value' ? node.args[1].args : undefined;
      return { cost: target.cost + index.cost + 1, bound: memberOf(target.bound, key) };
    }
    case 'list': {
      const items = node.args.map((item) => estimate(item, names));
      const bound = listBound(items.length, joinAll(items.map((item) => item.bound)));
      return { cost: sum(items) + items.length + 1, bound };
    }
    case 'map': {
      const parts = node.args.flatMap(([key, value]) => [
        estimate(key, names),
        estimate(value, names),
      ]);
      const bound = listBound(node.args.length, joinAll(parts.map((part) => part.bound)));
      return { cost: sum(parts) + parts.length + 1, bound };
    }
    case '?:': {
      const [yes, no] = [estimate(node.args[1], names), estimate(node.args[2], names)];
      const test = estimate(node.args[0], names);
      return {
        cost: test.cost + Math.max(yes.cost, no.cost) + 1,
        bound: joinBounds(yes.bound, no.bound),
      };
    }
    case '!_':
    case '-_':
      return { cost: estimate(node.args, names).cost + 1, bound: SCALAR };
    case 'call': {
      const [name, args] = node.args;
      return functionEstimate(
        name,
        args.map((arg) => estimate(arg, names)),
      );
    }
    case 'rcall': {
      const [name, receiver, args] = node.args;
      if (name === 'bind') return bindEstimate(args, names);
      const target = estimate(receiver, names);
      if (MACROS.has(name)) return macroEstimate(name, target, args, names);
      return functionEstimate(name, [target, ...args.map((arg) => estimate(arg, names))]);
    }
    default:
      return binaryEstimate(node.op, estimate(node.args[0], names), estimate(node.args[1], names));
  }
}

/** A binary operator on two operands already estimated. */
function binaryEstimate(op: string, a: Estimate, b: Estimate): Estimate {
  const cost = a.cost + b.cost + 1;
  if (op === '+') return plusEstimate(cost, a.bound, b.bound);
  if (op === 'in') return { cost: cost + (b.bound.items + 1) * a.bound.total, bound: SCALAR };
  // equality may walk both operands, ordering compares strings at most, arithmetic is constant
  if (op === '==' || op === '!=')
    return { cost: cost + Math.min(a.bound.total, b.bound.total), bound: SCALAR };
  return { cost: cost + Math.min(a.bound.chars, b.bound.chars), bound: SCALAR };
}

/** The worst-case cost of one evaluation with this (converted) `vmi`, `context` a short string and this node name. */
export function estimateCost(ast: ASTNode, vmi: unknown, nodeName: string): number {
  const name = stringBound(nodeName.length);
  const names: Names = new Map([
    ['vmi', concreteBound(vmi)],
    ['context', stringBound(16)],
    ['node', { kind: 'any', items: 1, chars: name.chars, total: name.total + 1, item: name }],
  ]);
  return estimate(ast, names).cost;
}

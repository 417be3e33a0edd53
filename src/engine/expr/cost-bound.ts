/** Upper bounds on the size of CEL values, for the worst-case cost estimate. */
import { shapeOf, type VmiShape } from './cel-activation.js';

/** What the estimate knows of a value's type: enough to price `+`. */
export type BoundKind = 'scalar' | 'string' | 'list' | 'any';

/**
 * A value's worst case: as a list or map it has at most `items` entries, each within `item`;
 * as a string or bytes at most `chars` characters; all of it at most `total` units.
 * Bounds may be cyclic (`item` pointing back), like a VMI subtree's: any part of it is within it.
 * `concrete` holds the VMI value itself while the path to it is static (`vmi.spec.domain`).
 */
export interface Bound {
  kind: BoundKind;
  items: number;
  chars: number;
  total: number;
  item: Bound | undefined;
  concrete?: { readonly value: unknown };
}

export const SCALAR: Bound = { kind: 'scalar', items: 0, chars: 0, total: 1, item: undefined };

export function stringBound(chars: number): Bound {
  return { kind: 'string', items: 0, chars, total: chars + 1, item: undefined };
}

/** Any part of a value of this shape fits the shape's largest parts. */
export function shapeBound(shape: VmiShape): Bound {
  const bound: Bound = {
    kind: 'any',
    items: shape.items,
    chars: shape.chars,
    total: shape.total,
    item: undefined,
  };
  bound.item = bound;
  return bound;
}

/** A VMI value reached by a static path: its own shape, and the value to follow further. */
export function concreteBound(value: unknown): Bound {
  return { ...shapeBound(shapeOf(value)), concrete: { value } };
}

export function listBound(items: number, item: Bound): Bound {
  return { kind: 'list', items, chars: 0, total: items * (item.total + 1) + 1, item };
}

/** The elements (or map keys and values) of a value, as far as the bound knows. */
export function elementOf(bound: Bound): Bound {
  const value = bound.concrete?.value;
  if (Array.isArray(value)) return joinAll(value.map((item: unknown) => concreteBound(item)));
  if (value instanceof Map) {
    return joinAll(
      [...value].flatMap(([key, item]: [unknown, unknown]) => [
        concreteBound(key),
        concreteBound(item),
      ]),
    );
  }
  return bound.item ?? SCALAR;
}

/** The field or index `key` of a value: exact while the path is static, else any element. */
export function memberOf(bound: Bound, key: unknown): Bound {
  const value = bound.concrete?.value;
  // a missing member fails the evaluation ("No such key"), which costs nothing more
  if (value instanceof Map && typeof key === 'string')
    return value.has(key) ? concreteBound(value.get(key)) : SCALAR;
  if (Array.isArray(value) && typeof key === 'bigint') {
    const index = Number(key);
    return index >= 0 && index < value.length ? concreteBound(value[index]) : SCALAR;
  }
  return elementOf(bound);
}

/** The smallest bound covering both; the memo keeps cyclic bounds finite. */
export function joinBounds(a: Bound, b: Bound, memo = new Map<Bound, Map<Bound, Bound>>()): Bound {
  if (a === b) return a;
  const known = memo.get(a)?.get(b);
  if (known !== undefined) return known;
  const joined: Bound = {
    kind: a.kind === b.kind ? a.kind : 'any',
    items: Math.max(a.items, b.items),
    chars: Math.max(a.chars, b.chars),
    total: Math.max(a.total, b.total),
    item: undefined,
  };
  const row = memo.get(a) ?? new Map<Bound, Bound>();
  row.set(b, joined);
  memo.set(a, row);
  if (a.item === undefined) joined.item = b.item;
  else if (b.item === undefined) joined.item = a.item;
  else joined.item = joinBounds(a.item, b.item, memo);
  return joined;
}

/** The join of all; an empty list's elements are never reached, so any bound does. */
export function joinAll(bounds: readonly Bound[]): Bound {
  const [first, ...rest] = bounds;
  if (first === undefined) return SCALAR;
  const memo = new Map<Bound, Map<Bound, Bound>>();
  return rest.reduce((joined, bound) => joinBounds(joined, bound, memo), first);
}

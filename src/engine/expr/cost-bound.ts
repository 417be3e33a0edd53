/** Upper bounds on the size of CEL values, for the worst-case cost estimate. */
import type { VmiShape } from './cel-activation.js';

/**
 * A value's worst case: as a list or map it has at most `items` entries, each within `item`;
 * as a string or bytes at most `chars` characters; all of it at most `total` units.
 * Bounds may be cyclic (`item` pointing back), like the VMI's own: any part of it is within it.
 */
export interface Bound {
  items: number;
  chars: number;
  total: number;
  item: Bound | undefined;
}

export const SCALAR: Bound = { items: 0, chars: 0, total: 1, item: undefined };

export function stringBound(chars: number): Bound {
  return { items: 0, chars, total: chars + 1, item: undefined };
}

/** Every value read from the VMI (or parsed by `json()`) fits the VMI's largest parts. */
export function documentBound(shape: VmiShape): Bound {
  const bound: Bound = { items: shape.items, chars: shape.chars, total: shape.total, item: undefined };
  bound.item = bound;
  return bound;
}

export function listBound(items: number, item: Bound): Bound {
  return { items, chars: 0, total: items * (item.total + 1) + 1, item };
}

/** The elements (or map keys and values) of a value, as far as the bound knows. */
export function elementOf(bound: Bound): Bound {
  return bound.item ?? SCALAR;
}

/** The smallest bound covering both; the memo keeps cyclic bounds finite. */
export function joinBounds(a: Bound, b: Bound, memo = new Map<Bound, Map<Bound, Bound>>()): Bound {
  if (a === b) return a;
  const known = memo.get(a)?.get(b);
  if (known !== undefined) return known;
  const joined: Bound = {
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

export function joinAll(bounds: readonly Bound[]): Bound {
  return bounds.reduce((joined, bound) => joinBounds(joined, bound), SCALAR);
}

/** `a + b` on strings or lists. */
export function concatBounds(a: Bound, b: Bound): Bound {
  const item = a.item === undefined ? b.item : b.item === undefined ? a.item : joinBounds(a.item, b.item);
  return { items: a.items + b.items, chars: a.chars + b.chars, total: a.total + b.total, item };
}

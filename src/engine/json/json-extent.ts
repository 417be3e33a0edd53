/**
 * How much a JSON value holds once written out: values and characters of the expanded tree.
 * Copy-on-write results share subtrees (twenty `copy` operations can double a value twenty
 * times in a few kilobytes of heap) but JSON.stringify and YAML write every copy, so the
 * extent counts each use; a memo keeps the count linear in the distinct objects.
 */

export interface JsonExtent {
  readonly values: number;
  readonly chars: number;
}

const memo = new WeakMap<object, JsonExtent>();

function scalarChars(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number') return String(value).length;
  return 5;
}

export function jsonExtent(value: unknown): JsonExtent {
  if (typeof value !== 'object' || value === null) return { values: 1, chars: scalarChars(value) };
  const known = memo.get(value);
  if (known !== undefined) return known;
  let values = 1;
  let chars = 2;
  for (const [key, member] of Object.entries(value)) {
    const inner = jsonExtent(member);
    values += inner.values;
    chars += inner.chars + (Array.isArray(value) ? 1 : key.length + 4);
  }
  const extent = { values, chars };
  memo.set(value, extent);
  return extent;
}

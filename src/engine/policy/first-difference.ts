/** Where two plain data values first differ outside the allowed pointer prefixes: the tokens of that place. */
import { isRecord } from '../is-record.js';

type Prefixes = readonly (readonly string[])[];

function entries(value: unknown): Map<string, unknown> | undefined {
  if (Array.isArray(value)) return new Map(value.map((item, index) => [String(index), item]));
  if (isRecord(value)) return new Map(Object.entries(value));
  return undefined;
}

function allowedAt(at: readonly string[], prefixes: Prefixes): boolean {
  return prefixes.some(
    (prefix) => prefix.length <= at.length && prefix.every((token, i) => at[i] === token),
  );
}

/** Linear in the size of both values; scalars compare by their JSON text, so `1` and `"1"` differ. */
export function firstDifference(
  a: unknown,
  b: unknown,
  prefixes: Prefixes,
  at: readonly string[] = [],
): readonly string[] | undefined {
  if (allowedAt(at, prefixes)) return undefined;
  const mapA = entries(a);
  const mapB = entries(b);
  if (mapA === undefined || mapB === undefined || Array.isArray(a) !== Array.isArray(b))
    return Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b) ? undefined : at;
  for (const key of new Set([...mapA.keys(), ...mapB.keys()])) {
    const inner = firstDifference(mapA.get(key), mapB.get(key), prefixes, [...at, key]);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

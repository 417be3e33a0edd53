/**
 * Plain JSON values as they arrive from JSON.parse or YAML: prototype-safe reads, copy-on-write
 * writes, RFC deep equality.
 */
import { isRecord, type UnknownRecord } from '../is-record.js';

export type JsonObject = UnknownRecord;

/**
 * The member `key` of `object`, only when it is the object's own property: a pointer token such
 * as `__proto__` or `constructor` never reaches Object.prototype.
 */
export function ownMember(
  object: JsonObject,
  key: string,
): { readonly found: true; readonly value: unknown } | { readonly found: false } {
  return Object.hasOwn(object, key) ? { found: true, value: object[key] } : { found: false };
}

/**
 * A copy of `object` with `key` set to `value`. defineProperty, not assignment: assigning to
 * `__proto__` would change the copy's prototype instead of adding a member. An existing key
 * keeps its position; a new key goes last.
 */
export function withMember(object: JsonObject, key: string, value: unknown): JsonObject {
  return defineMember({ ...object }, key, value);
}

/** Sets `key` on an object this code has just built (never on a caller's value), `__proto__` included. */
export function defineMember(object: JsonObject, key: string, value: unknown): JsonObject {
  Object.defineProperty(object, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
  return object;
}

/** A copy of `object` without its own member `key`. */
export function withoutMember(object: JsonObject, key: string): JsonObject {
  const copy: JsonObject = { ...object };
  delete copy[key];
  return copy;
}

/** A copy of `array` with `value` at `index` (inserted, or replacing the element there). */
export function withElement(
  array: readonly unknown[],
  index: number,
  value: unknown,
  mode: 'insert' | 'replace',
): unknown[] {
  const copy = array.slice();
  copy.splice(index, mode === 'insert' ? 0 : 1, value);
  return copy;
}

/** A copy of `array` without the element at `index`. */
export function withoutElement(array: readonly unknown[], index: number): unknown[] {
  const copy = array.slice();
  copy.splice(index, 1);
  return copy;
}

/**
 * RFC 6902 §4.6:
 * > numbers: are considered equal if their values are numerically equal.
 * > arrays: are considered equal if they contain the same number of values, and if each value
 * > can be considered equal to the value at the corresponding position in the other array.
 * > objects: are considered equal if they contain the same number of members, and if each member
 * > can be considered equal to a member in the other object, by comparing their keys (as strings)
 * > and their values (using this list of type-specific rules).
 *
 * Member order does not matter; `1` and `1.0` are the same number once parsed.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) && a.length === b.length && a.every((element, i) => jsonEqual(element, b[i]))
    );
  }
  if (isRecord(a)) {
    if (!isRecord(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => {
      const other = ownMember(b, key);
      return other.found && jsonEqual(a[key], other.value);
    });
  }
  return false;
}

/**
 * `$(name)` in JSON operation values (docs/documents.md#conditions-and-values): every string inside
 * the value, expanded verbatim.
 */
import { isRecord } from '../is-record.js';
import { expandTemplate } from '../template.js';
import { defineMember, type JsonObject } from './json-value.js';

/**
 * > `$(name)` in any `value` is replaced by the var's string value — XML-escaped inside XML
 * > fragments, verbatim in JSON strings.
 *
 * Strings at any depth are expanded; member names are not (a name is structure, not a value).
 * Numbers, booleans and null stay as they are. Returns a new value; `value` is not mutated.
 */
export function expandValue(value: unknown, vars: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return expandTemplate(value, vars);
  if (Array.isArray(value)) return value.map((element: unknown) => expandValue(element, vars));
  if (isRecord(value)) {
    const expanded: JsonObject = {};
    for (const [key, member] of Object.entries(value))
      defineMember(expanded, key, expandValue(member, vars));
    return expanded;
  }
  return value;
}

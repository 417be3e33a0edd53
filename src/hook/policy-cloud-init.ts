/** Whether CloudInitData changed outside the JSON pointer prefixes the annotation policy allows, per list. */
import { parse } from 'yaml';
import { formatPointer } from '../engine/json/pointer.js';
import type { AnnotationPolicy, JsonList } from '../sources/annotation-policy.js';

type Prefixes = readonly (readonly string[])[];

function allowedAt(at: readonly string[], prefixes: Prefixes): boolean {
  return prefixes.some((prefix) => prefix.length <= at.length && prefix.every((token, i) => at[i] === token));
}

function entries(value: unknown): Map<string, unknown> | undefined {
  if (Array.isArray(value)) return new Map(value.map((item, index) => [String(index), item]));
  if (typeof value === 'object' && value !== null) return new Map(Object.entries(value));
  return undefined;
}

/** The pointer of the first difference outside the prefixes; `skip` names top-level keys judged elsewhere. */
function firstChange(a: unknown, b: unknown, prefixes: Prefixes, at: readonly string[] = [], skip: ReadonlySet<string> = new Set()): string | undefined {
  if (allowedAt(at, prefixes)) return undefined;
  const mapA = entries(a);
  const mapB = entries(b);
  if (mapA === undefined || mapB === undefined || Array.isArray(a) !== Array.isArray(b)) return Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b) ? undefined : formatPointer(at);
  for (const key of new Set([...mapA.keys(), ...mapB.keys()])) {
    if (at.length === 0 && skip.has(key)) continue;
    const inner = firstChange(mapA.get(key), mapB.get(key), prefixes, [...at, key]);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** userData / networkData are YAML inside a string; text that is not YAML data counts as changed as a whole. */
function embedded(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return parse(text);
  } catch {
    return { '': text };
  }
}

const EMBEDDED: ReadonlyArray<readonly [JsonList, string]> = [['userData', 'UserData'], ['networkData', 'NetworkData']];

/** `[list, pointer]` of the first change the policy does not allow, or undefined. */
export function cloudInitChangeOutside(before: string, after: string, policy: AnnotationPolicy): readonly [JsonList, string] | undefined {
  if (before === after) return undefined;
  const a: unknown = JSON.parse(before);
  const b: unknown = JSON.parse(after);
  const outer = firstChange(a, b, policy.json.cloudInit, [], new Set(EMBEDDED.map(([, field]) => field)));
  if (outer !== undefined) return ['cloudInit', outer];
  for (const [list, field] of EMBEDDED) {
    // A change to the whole string is a cloudInit change; allowed by either list.
    if (allowedAt([field], policy.json.cloudInit)) continue;
    const textA = entries(a)?.get(field);
    const textB = entries(b)?.get(field);
    if (textA === textB) continue;
    const inner = firstChange(embedded(textA), embedded(textB), policy.json[list]);
    if (inner !== undefined) return [list, inner];
  }
  return undefined;
}

/** Whether an annotation document reads or changes CloudInitData outside the JSON pointer prefixes the annotation policy allows, per list. */
import { parse } from 'yaml';
import type { DocumentReport, PatchDocument } from '../engine/index.js';
import { formatPointer } from '../engine/json/pointer.js';
import type { AnnotationPolicy, JsonList } from '../sources/annotation-policy.js';
import type { Violation } from './policy-guard.js';

type Prefixes = readonly (readonly string[])[];

function allowedAt(at: readonly string[], prefixes: Prefixes): boolean {
  return prefixes.some(
    (prefix) => prefix.length <= at.length && prefix.every((token, i) => at[i] === token),
  );
}

function entries(value: unknown): Map<string, unknown> | undefined {
  if (Array.isArray(value)) return new Map(value.map((item, index) => [String(index), item]));
  if (typeof value === 'object' && value !== null) return new Map(Object.entries(value));
  return undefined;
}

/** The pointer of the first difference outside the prefixes; `skip` names top-level keys judged elsewhere. */
function firstChange(
  a: unknown,
  b: unknown,
  prefixes: Prefixes,
  at: readonly string[] = [],
  skip: ReadonlySet<string> = new Set(),
): string | undefined {
  if (allowedAt(at, prefixes)) return undefined;
  const mapA = entries(a);
  const mapB = entries(b);
  if (mapA === undefined || mapB === undefined || Array.isArray(a) !== Array.isArray(b))
    return Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b)
      ? undefined
      : formatPointer(at);
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

/**
 * The leading comment lines, which YAML drops but cloud-init reads: `#cloud-config` against `#!/bin/sh`
 * decides whether the data is configuration or a script run in the guest.
 */
function header(text: unknown): string {
  return typeof text === 'string' ? (/^(?:[ \t]*#.*(?:\n|$))*/.exec(text)?.[0] ?? '') : '';
}

const EMBEDDED: ReadonlyArray<readonly [JsonList, string]> = [
  ['userData', 'UserData'],
  ['networkData', 'NetworkData'],
];

/** `[list, pointer]` of the first change the policy does not allow, or undefined. */
export function cloudInitChangeOutside(
  before: string,
  after: string,
  policy: AnnotationPolicy,
): readonly [JsonList, string] | undefined {
  if (before === after) return undefined;
  const a: unknown = JSON.parse(before);
  const b: unknown = JSON.parse(after);
  const outer = firstChange(
    a,
    b,
    policy.json.cloudInit,
    [],
    new Set(EMBEDDED.map(([, field]) => field)),
  );
  if (outer !== undefined) return ['cloudInit', outer];
  for (const [list, field] of EMBEDDED) {
    // A change to the whole string is a cloudInit change; allowed by either list.
    if (allowedAt([field], policy.json.cloudInit)) continue;
    const textA = entries(a)?.get(field);
    const textB = entries(b)?.get(field);
    if (textA === textB) continue;
    if (header(textA) !== header(textB) && !allowedAt([], policy.json[list])) return [list, ''];
    const inner = firstChange(embedded(textA), embedded(textB), policy.json[list]);
    if (inner !== undefined) return [list, inner];
  }
  return undefined;
}

const LISTS: readonly JsonList[] = ['cloudInit', 'userData', 'networkData'];

/** A pointer of `list` the policy allows: by its own prefixes, or (userData/networkData) because cloudInit allows the whole string. */
function allowedIn(list: JsonList, tokens: readonly string[], policy: AnnotationPolicy): boolean {
  const field = EMBEDDED.find(([name]) => name === list)?.[1];
  return (
    allowedAt(tokens, policy.json[list]) ||
    (field !== undefined && allowedAt([field], policy.json.cloudInit))
  );
}

/** SPEC §2 "every node it selects or changes": `from` (move, copy) and `test` read too, so they must lie inside as well. */
function selectionOutside(
  document: PatchDocument,
  report: DocumentReport | undefined,
  policy: AnnotationPolicy,
): Violation | undefined {
  for (const list of LISTS) {
    for (const op of document[list]) {
      if (
        report?.operations.find((o) => o.list === list && o.index === op.index)?.skipped === 'when'
      )
        continue;
      const pointers = op.op === 'move' || op.op === 'copy' ? [op.from, op.path] : [op.path];
      const outside = pointers.find((pointer) => !allowedIn(list, pointer.tokens, policy));
      if (outside !== undefined)
        return {
          rule: `allow.${list}`,
          what: `${list} operation ${op.index} (${op.op} ${op.path.source}) reads or writes ${outside.source === '' ? '/' : outside.source}`,
        };
    }
  }
  return undefined;
}

/** The document's pointers first, then its net effect (`before` → `after`, CloudInitData JSON of the same call). */
export function cloudInitViolation(
  before: string,
  after: string,
  policy: AnnotationPolicy,
  document: PatchDocument,
  report: DocumentReport | undefined,
): Violation | undefined {
  if (report?.status !== 'applied') return undefined;
  const selected = selectionOutside(document, report, policy);
  if (selected !== undefined) return selected;
  const change = cloudInitChangeOutside(before, after, policy);
  return change === undefined
    ? undefined
    : { rule: `allow.${change[0]}`, what: `it changes ${change[1] === '' ? '/' : change[1]}` };
}

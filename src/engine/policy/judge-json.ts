/**
 * The annotation policy (docs/security.md#the-annotation-policy) for cloud-init: every pointer an
 * annotation document's operations read or change lies under a prefix its list allows (inserting
 * into or removing from an array changes the array), and the user and network data, read as
 * cloud-init's YAML 1.1 reader reads them, change only there; each reading is a step of its own
 * (steps.ts).
 */
import { readAsYaml11 } from '../json/read-yaml11.js';
import { isRecord } from '../is-record.js';
import { ownMember, type JsonObject } from '../json/json-value.js';
import { formatPointer, type Pointer } from '../json/pointer.js';
import type { JsonOperation } from '../model.js';
import type { Steps } from '../steps.js';
import type { AnnotationPolicy, JsonList } from './annotation-policy.js';
import { firstDifference } from './first-difference.js';

export interface JsonJudge {
  /** before an operation runs on `value` (its list's data): why it may not, or undefined */
  operation(list: JsonList, op: JsonOperation, value: unknown): string | undefined;
  /** once the document ran: a change of the user or network data that no prefix allows */
  embedded(before: JsonObject, after: JsonObject): Steps<string | undefined>;
}

/** The CloudInitData member each embedded list patches. */
const EMBEDDED: ReadonlyArray<readonly [JsonList, string]> = [
  ['userData', 'UserData'],
  ['networkData', 'NetworkData'],
];

type Prefixes = readonly (readonly string[])[];

function under(tokens: readonly string[], prefixes: Prefixes): boolean {
  return prefixes.some(
    (prefix) => prefix.length <= tokens.length && prefix.every((token, i) => tokens[i] === token),
  );
}

function memberValue(object: JsonObject, key: string): unknown {
  const member = ownMember(object, key);
  return member.found ? member.value : undefined;
}

/** The value at `tokens`, when there is one. */
function valueAt(value: unknown, tokens: readonly string[]): unknown {
  let at = value;
  for (const token of tokens) {
    if (Array.isArray(at)) at = at[Number(token)];
    else if (isRecord(at)) at = memberValue(at, token);
    else return undefined;
  }
  return at;
}

/** What inserting or removing at `pointer` changes: an array as a whole, else the member itself. */
function changedBy(pointer: Pointer, value: unknown): readonly string[] {
  const parent = pointer.tokens.slice(0, -1);
  return pointer.tokens.at(-1) === '-' || Array.isArray(valueAt(value, parent))
    ? parent
    : pointer.tokens;
}

function touches(
  op: JsonOperation,
  value: unknown,
): ReadonlyArray<readonly [string, readonly string[]]> {
  switch (op.op) {
    case 'test':
      return [['reads', op.path.tokens]];
    case 'replace':
      return [['changes', op.path.tokens]];
    case 'add':
    case 'remove':
      return [['changes', changedBy(op.path, value)]];
    case 'move':
      return [
        ['changes', changedBy(op.from, value)],
        ['changes', changedBy(op.path, value)],
      ];
    case 'copy':
      return [
        ['reads', op.from.tokens],
        ['changes', changedBy(op.path, value)],
      ];
  }
}

export function judgeJson(policy: AnnotationPolicy): JsonJudge {
  const outside = (list: JsonList): string =>
    `outside allow.${list} of the annotation policy ${policy.source}`;
  /** userData and networkData pointers are also allowed when cloudInit allows the whole string */
  const allowedIn = (list: JsonList, tokens: readonly string[]): boolean => {
    const field = EMBEDDED.find(([name]) => name === list)?.[1];
    return (
      under(tokens, policy.json[list]) ||
      (field !== undefined && under([field], policy.json.cloudInit))
    );
  };

  function operation(list: JsonList, op: JsonOperation, value: unknown): string | undefined {
    for (const [deed, tokens] of touches(op, value))
      if (!allowedIn(list, tokens))
        return `it ${deed} ${formatPointer(tokens) || '/'}, ${outside(list)}`;
    return undefined;
  }

  function* embedded(before: JsonObject, after: JsonObject): Steps<string | undefined> {
    for (const [list, field] of EMBEDDED) {
      const a = memberValue(before, field);
      const b = memberValue(after, field);
      if (a === b || under([field], policy.json.cloudInit)) continue;
      const change = yield* embeddedChange(a, b, policy.json[list]);
      if (change !== undefined)
        return `it changes ${change} of ${field} as a YAML 1.1 reader (cloud-init) reads it, ${outside(list)}`;
    }
    return undefined;
  }

  return { operation, embedded };
}

/**
 * The leading comment lines, which YAML drops but cloud-init reads: `#cloud-config` against
 * `#!/bin/sh` decides whether the data is configuration or a script run in the guest.
 */
function header(text: unknown): string {
  return typeof text === 'string' ? (/^(?:[ \t]*#.*(?:\n|$))*/.exec(text)?.[0] ?? '') : '';
}

/** The pointer of the first change outside the prefixes; a text no reader can read changed as a whole. */
function* embeddedChange(a: unknown, b: unknown, prefixes: Prefixes): Steps<string | undefined> {
  if (under([], prefixes)) return undefined;
  if (typeof a !== 'string' || typeof b !== 'string' || header(a) !== header(b)) return '/';
  yield;
  const readA = readAsYaml11(a);
  yield;
  const readB = readAsYaml11(b);
  yield;
  if (!readA.readable || !readB.readable) return '/';
  const change = firstDifference(readA.value, readB.value, prefixes);
  return change === undefined ? undefined : formatPointer(change) || '/';
}

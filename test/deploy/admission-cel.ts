/**
 * A MutatingAdmissionPolicy evaluated as the Kubernetes API server does for one Pod CREATE, on
 * cel-js: variables in order, then every match condition, then each JSONPatch mutation applied in
 * turn. Kubernetes CEL builds typed objects (`JSONPatch{op: …}`, `Object.spec.containers{name: …}`);
 * cel-js has no such construction, so each becomes a map literal with the same fields, and the
 * names of the types built are returned so a test can check them. Unknown fields of a built type
 * are caught by checking the resulting pod against the typed Kubernetes models.
 */
import { Environment } from '@marcbachmann/cel-js';
import { applyOperation } from '../../src/engine/json/apply-operation.js';
import { parsePointer } from '../../src/engine/json/pointer.js';

export interface Rewritten {
  readonly source: string;
  /** the type of every object the expression builds, e.g. `Object.spec.containers` */
  readonly types: readonly string[];
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const CHAIN = /[A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*\s*\{/y;
const STRING = /[rR]?(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')/y;
const KEY = /([A-Za-z_][A-Za-z0-9_]*)(\s*:)/y;

function matchAt(pattern: RegExp, source: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(source);
}

/** Turns `Type{field: value}` into `{"field": value}`; strings and everything else stay as written. */
export function rewriteConstruction(source: string): Rewritten {
  const types: string[] = [];
  const open: boolean[] = []; // per open bracket: is it a typed object's brace
  let out = '';
  let at = 0;
  let keyNext = false;
  let previous = '';
  while (at < source.length) {
    const string = matchAt(STRING, source, at);
    const key = keyNext ? matchAt(KEY, source, at) : null;
    const chain = previous === '.' ? null : matchAt(CHAIN, source, at);
    const identifier = matchAt(IDENTIFIER, source, at);
    const char = source[at] ?? '';
    let token: string;
    if (string !== null) token = string[0];
    else if (key !== null) {
      out += `"${key[1]}"${key[2]}`;
      at += key[0].length;
      keyNext = false;
      previous = ':';
      continue;
    } else if (chain !== null) {
      types.push(chain[0].slice(0, -1).replace(/\s/g, ''));
      open.push(true);
      out += '{';
      at += chain[0].length;
      keyNext = true;
      previous = '{';
      continue;
    } else token = identifier?.[0] ?? char;
    if (token === '(' || token === '[' || token === '{') open.push(false);
    if (token === ')' || token === ']' || token === '}') open.pop();
    if (!/^\s+$/.test(token)) keyNext = token === ',' && open[open.length - 1] === true;
    if (!/^\s+$/.test(token)) previous = token;
    out += token;
    at += token.length;
  }
  return { source: out, types };
}

const environment = new Environment({
  unlistedVariablesAreDyn: false,
  // a typed object's fields have different types; Kubernetes CEL mixes them, a map literal must be told
  homogeneousAggregateLiterals: false,
})
  .registerVariable('object', 'dyn')
  .registerVariable('variables', 'dyn');

/** CEL values back to JSON: ints are bigints and maps are Maps in cel-js. */
export function toJson(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Map)
    return Object.fromEntries([...value].map(([k, v]) => [String(k), toJson(v)]));
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

export function evaluate(source: string, activation: Record<string, unknown>): unknown {
  return toJson(environment.evaluate(rewriteConstruction(source).source, activation));
}

export interface Admission {
  /** every match condition held, so the mutations ran */
  readonly matched: boolean;
  readonly object: unknown;
}

interface Policy {
  readonly matchConditions?: readonly { readonly expression: string }[];
  readonly variables?: readonly { readonly name: string; readonly expression: string }[];
  readonly mutations: readonly {
    readonly patchType: string;
    readonly jsonPatch?: { readonly expression: string };
  }[];
}

/** One CREATE of `object` through the policy's spec. */
export function admit(spec: Policy, object: unknown): Admission {
  const variables: Record<string, unknown> = {};
  for (const variable of spec.variables ?? [])
    variables[variable.name] = evaluate(variable.expression, { object, variables });
  const matched = (spec.matchConditions ?? []).every(
    (condition) => evaluate(condition.expression, { object, variables }) === true,
  );
  if (!matched) return { matched, object };
  let current = object;
  for (const mutation of spec.mutations) {
    if (mutation.patchType !== 'JSONPatch' || mutation.jsonPatch === undefined)
      throw new Error(`patchType ${mutation.patchType} is not evaluated here`);
    const patches = evaluate(mutation.jsonPatch.expression, { object: current, variables });
    if (!Array.isArray(patches)) throw new Error('a JSONPatch expression returns a list');
    for (const patch of patches) {
      const { op, path, value } = patch as { op: string; path: string; value: unknown };
      const pointer = parsePointer(path);
      if (!pointer.ok || op !== 'add')
        throw new Error(`JSONPatch ${op} ${path} is not evaluated here`);
      const applied = applyOperation(current, { op, path: pointer.value, value });
      if (!applied.ok) throw new Error(applied.problem.message);
      current = applied.value;
    }
  }
  return { matched, object: current };
}

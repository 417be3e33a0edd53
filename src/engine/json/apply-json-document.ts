/**
 * One patch document's `cloudInit`, `userData` and `networkData` operations on a CloudInitData
 * object, a step each: all or nothing.
 */
import { isRecord } from '../is-record.js';
import { locate, ok, fail, type Location, type Outcome, type PatchError } from '../errors.js';
import { evaluateCondition, type Scope } from '../expr/expression.js';
import type { Limits } from '../limits.js';
import { chargeChars, chargeNodes, runMetered, type Meter } from '../meter.js';
import type { JsonOperation, PatchDocument } from '../model.js';
import { openDocument } from '../open-document.js';
import type { JsonList } from '../policy/annotation-policy.js';
import type { JsonJudge } from '../policy/judge-json.js';
import type { OperationReport } from '../report.js';
import type { Steps } from '../steps.js';
import { applyOperation, type JsonPatchOperation } from './apply-operation.js';
import {
  readEmbedded,
  writeEmbedded,
  type EmbeddedData,
  type EmbeddedField,
} from './embedded-data.js';
import { expandValue } from './expand-value.js';
import { jsonExtent } from './json-extent.js';
import { readAt } from './pointer-edit.js';
import { jsonEqual, ownMember, withMember, type JsonObject } from './json-value.js';

export type JsonDocumentResult =
  | {
      readonly status: 'applied';
      readonly data: JsonObject;
      readonly operations: readonly OperationReport[];
    }
  | { readonly status: 'skipped'; readonly operations: readonly OperationReport[] }
  | {
      /** `refused`: by the annotation policy; the call fails whatever the document's failurePolicy */
      readonly status: 'failed' | 'refused';
      readonly error: PatchError;
      readonly operations: readonly OperationReport[];
      /** the deadline or the heap ended the call: no later document may run */
      readonly endsCall?: boolean;
    };

/** What the documents of one call share: the CEL scope, the call's meter and limits. */
export interface JsonCall {
  readonly scope: Scope;
  readonly meter: Meter;
  readonly limits: Limits;
}

/** The CloudInitData member each string list patches. */
const EMBEDDED_MEMBER: Record<EmbeddedField, string> = {
  userData: 'UserData',
  networkData: 'NetworkData',
};

/**
 * Runs the document's `when`, its vars, then `cloudInit` operations on the object, then
 * `userData` and `networkData` operations on the parsed strings (so a `cloudInit` operation that
 * replaces `/UserData` is seen by the `userData` list). `data` is never mutated; on any failure
 * the caller keeps it as it was.
 */
export function* applyJsonDocument(
  data: JsonObject,
  document: PatchDocument,
  call: JsonCall,
  judge?: JsonJudge,
): Steps<JsonDocumentResult> {
  const gate = openDocument(document, call.scope);
  if (gate.status !== 'open') return { ...gate, operations: [] };
  const reports: OperationReport[] = [];
  const run: ListRun = { ...call, vars: gate.vars, name: document.name, reports, judge };
  const stopped = (failure: {
    readonly error: PatchError;
    readonly endsCall?: boolean;
  }): JsonDocumentResult => {
    const { error, endsCall } = failure;
    if (error.code === 'POLICY_DENIED') return { status: 'refused', error, operations: reports };
    return endsCall === true
      ? { status: 'failed', error, operations: reports, endsCall }
      : { status: 'failed', error, operations: reports };
  };

  const object = yield* runList(run, 'cloudInit', document.cloudInit, () => ok(data));
  if (!object.ok) return stopped(object);
  let current = isRecord(object.value) ? object.value : data;
  for (const field of ['userData', 'networkData'] as const) {
    const patched = yield* patchEmbedded(run, current, field, document[field]);
    if (!patched.ok) return stopped(patched);
    current = patched.value;
  }
  const refusal = judge === undefined ? undefined : yield* judge.embedded(data, current);
  if (refusal !== undefined)
    return stopped({
      error: {
        code: 'POLICY_DENIED',
        message: refusal,
        location: { ...document.at, document: document.name },
      },
    });
  return { status: 'applied', data: current, operations: reports };
}

/**
 * Runs the `userData` or `networkData` list on the parsed string and writes the string back only
 * when the data changed, so untouched user data keeps its exact text.
 */
function* patchEmbedded(
  run: ListRun,
  data: JsonObject,
  field: EmbeddedField,
  operations: readonly JsonOperation[],
): Steps<ListResult<JsonObject>> {
  const member = EMBEDDED_MEMBER[field];
  const text = ownMember(data, member);
  let embedded: EmbeddedData | undefined;
  const start = (): Outcome<unknown> => {
    const read =
      text.found && typeof text.value === 'string'
        ? readEmbedded(field, text.value, run.limits)
        : fail('NOT_CLOUD_CONFIG', `${member} is not a string`);
    if (!read.ok) return read;
    embedded = read.value;
    return ok(read.value.value);
  };
  const patched = yield* runList(run, field, operations, start);
  if (!patched.ok) return patched;
  if (embedded === undefined || jsonEqual(embedded.value, patched.value))
    return { ok: true, value: data };
  yield;
  return { ok: true, value: withMember(data, member, writeEmbedded(embedded, patched.value)) };
}

/** Like Outcome, but the problem is already located at an operation or the document. */
type ListResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: PatchError; readonly endsCall?: boolean };

interface ListRun extends JsonCall {
  readonly vars: ReadonlyMap<string, string>;
  readonly name: string;
  readonly reports: OperationReport[];
  /** the annotation policy's judge, for an annotation document under one */
  readonly judge: JsonJudge | undefined;
}

/**
 * Applies one list in order. `start` gives the value to patch and is called only when the first
 * operation whose `when` holds runs, so a list whose operations all skip never parses its data.
 * The value is undefined when no operation ran.
 */
function* runList(
  run: ListRun,
  list: JsonList,
  operations: readonly JsonOperation[],
  start: () => Outcome<unknown>,
): Steps<ListResult<unknown>> {
  /** the value so far, and where the last operation that ran was written */
  let value: { readonly current: unknown; readonly at: Location } | undefined;
  for (const operation of operations) {
    yield;
    const at = {
      document: run.name,
      list,
      operation: operation.index,
      op: operation.op,
      path: operation.path.source,
      ...operation.at,
    };
    const report = { list, index: operation.index, op: operation.op, path: operation.path.source };
    if (operation.when !== undefined) {
      const holds = evaluateCondition(operation.when, run.scope);
      if (!holds.ok) return { ok: false, error: locate(holds.problem, at) };
      if (!holds.value) {
        run.reports.push({ ...report, matches: 0, skipped: 'when' });
        continue;
      }
    }
    if (value === undefined) {
      const initial = start();
      if (!initial.ok) return { ok: false, error: locate(initial.problem, at) };
      value = { current: initial.value, at };
      yield;
    }
    const next = applyOne(run, list, operation, value.current, at);
    if (!next.ok) return next;
    value = { current: next.value, at };
    run.reports.push({ ...report, matches: 1 });
  }
  if (value !== undefined && !isRecord(value.current)) {
    const what = list === 'cloudInit' ? 'CloudInitData' : list;
    return {
      ok: false,
      error: locate(
        { code: 'WRONG_NODE_TYPE', message: `${what} must end up a mapping (JSON object)` },
        value.at,
      ),
    };
  }
  return { ok: true, value: value?.current };
}

/** One operation that runs: judged by the policy, then applied under the call's meter. */
function applyOne(
  run: ListRun,
  list: JsonList,
  operation: JsonOperation,
  current: unknown,
  at: Location,
): ListResult<unknown> {
  const refusal = run.judge?.operation(list, operation, current);
  if (refusal !== undefined)
    return { ok: false, error: { code: 'POLICY_DENIED', message: refusal, location: at } };
  const metered = runMetered(run.meter, () => {
    const patch = expanded(operation, run.vars);
    chargeGrowth(current, patch);
    return applyOperation(current, patch);
  });
  if (!metered.ok)
    return {
      ok: false,
      error: locate(metered.aborted.problem, at),
      endsCall: metered.aborted.endsCall,
    };
  const next = metered.value;
  return next.ok ? next : { ok: false, error: locate(next.problem, at) };
}

/** What an operation adds, as written out: a `copy` of a copy doubles the data each time (json-extent.ts). */
function chargeGrowth(current: unknown, operation: JsonPatchOperation): void {
  let added: unknown;
  if (operation.op === 'add' || operation.op === 'replace') added = operation.value;
  else if (operation.op === 'copy') {
    const source = readAt(current, operation.from);
    added = source.ok ? source.value : null;
  } else return;
  const extent = jsonExtent(added);
  chargeNodes(extent.values);
  chargeChars(extent.chars);
}

/**
 * The operation with `$(name)` expanded in its value (docs/documents.md#conditions-and-values);
 * pointers are not templates.
 */
function expanded(operation: JsonOperation, vars: ReadonlyMap<string, string>): JsonPatchOperation {
  switch (operation.op) {
    case 'add':
    case 'replace':
    case 'test':
      return { op: operation.op, path: operation.path, value: expandValue(operation.value, vars) };
    case 'remove':
    case 'move':
    case 'copy':
      return operation;
  }
}

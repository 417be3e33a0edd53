/**
 * One patch document's `domain` operations on the DOM, in place, a step each; a failure leaves it
 * half-patched and the caller discards it.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { fail, locate, ok, type Outcome, type PatchError } from './errors.js';
import { evaluateCondition, type Scope } from './expr/expression.js';
import type { Meter, WorkAborted } from './meter.js';
import { writtenOp, type PatchDocument, type XmlOperation } from './model.js';
import { openDocument } from './open-document.js';
import type { OperationReport } from './report.js';
import { meteredSteps, type Steps } from './steps.js';
import { unwritableVar, unwritableVars } from './unwritable-var.js';
import type { DomainJudge, DomainViolation } from './policy/judge-domain.js';
import { applyXmlOperation } from './xml/apply-xml-operation.js';
import { UNJUDGED, type ChangeLog } from './xml/change-log.js';
import type { OperationEffect } from './xml/operation-effect.js';

export type DocumentRun =
  | { readonly status: 'skipped'; readonly operations: readonly OperationReport[] }
  | {
      readonly status: 'applied';
      readonly changed: boolean;
      readonly operations: readonly OperationReport[];
    }
  | {
      /** `refused`: by the annotation policy; the call fails whatever the document's failurePolicy */
      readonly status: 'failed' | 'refused';
      readonly error: PatchError;
      readonly operations: readonly OperationReport[];
      /** the deadline or the heap ended the call: no later document may run */
      readonly endsCall?: boolean;
    };

function operationLocation(document: PatchDocument, op: XmlOperation): PatchError['location'] {
  return {
    ...op.at,
    document: document.name,
    list: 'domain',
    operation: op.index,
    op: writtenOp(op),
    path: op.path.source,
  };
}

function report(op: XmlOperation, matches: number, skipped?: 'when' | 'present'): OperationReport {
  const base = {
    list: 'domain' as const,
    index: op.index,
    op: writtenOp(op),
    path: op.path.source,
    matches,
  };
  return skipped === undefined ? base : { ...base, skipped };
}

/** A domain stays a domain (virt-launcher unmarshals the reply into its DomainSpec); other roots are RFC 5261's. */
function rootChanged(document: Document, wasDomain: boolean): boolean {
  const root = document.documentElement;
  return wasDomain && (root === null || !isDomainElement(root));
}

function isDomainElement(element: Element): boolean {
  return element.namespaceURI === null && element.localName === 'domain';
}

/** What every operation of one document run shares. */
interface OperationRun {
  readonly document: Document;
  readonly scope: Scope;
  readonly vars: ReadonlyMap<string, string>;
  readonly unwritable: ReadonlyMap<string, string>;
  readonly wasDomain: boolean;
  /** the log each operation tells its selections and changes (the annotation policy's judge) */
  readonly changes: (op: XmlOperation) => ChangeLog;
}

/** One operation under the document's guards; `undefined` when its `when` is false. */
function* runOperation(
  op: XmlOperation,
  run: OperationRun,
): Steps<Outcome<OperationEffect | undefined>> {
  if (op.when !== undefined) {
    const condition = evaluateCondition(op.when, run.scope);
    if (!condition.ok || !condition.value) return condition.ok ? ok(undefined) : condition;
  }
  const refused = unwritableVar(op, run.unwritable);
  if (refused !== undefined) return { ok: false, problem: refused };
  const effect = yield* applyXmlOperation(op, {
    document: run.document,
    vars: run.vars,
    changes: run.changes(op),
  });
  if (effect.ok && rootChanged(run.document, run.wasDomain))
    return fail('ROOT_REMOVED', 'the document element must stay a <domain>');
  return effect;
}

/** An operation's outcome, or the abort (meter.ts) that ended it in one of its steps. */
type OperationRan =
  | { readonly ok: true; readonly outcome: Outcome<OperationEffect | undefined> }
  | { readonly ok: false; readonly aborted: WorkAborted };

function* ranOperation(op: XmlOperation, run: OperationRun): Steps<OperationRan> {
  return { ok: true, outcome: yield* runOperation(op, run) };
}

function refused(
  document: PatchDocument,
  violation: DomainViolation,
  operations: readonly OperationReport[],
): DocumentRun {
  const error: PatchError = {
    code: 'POLICY_DENIED',
    message: violation.message,
    location: operationLocation(document, violation.op),
  };
  return { status: 'refused', error, operations };
}

/**
 * `judge`: the annotation policy's, for an annotation document; the first refusal stops the
 * document. Operations run under `meter`: an abort fails the operation it happened in, located there.
 */
export function* runDomainDocument(
  current: Document,
  document: PatchDocument,
  scope: Scope,
  meter: Meter,
  judge?: DomainJudge,
): Steps<DocumentRun> {
  const gate = openDocument(document, scope);
  if (gate.status !== 'open') return { ...gate, operations: [] };
  const run: OperationRun = {
    document: current,
    scope,
    vars: gate.vars,
    unwritable: unwritableVars(gate.vars),
    wasDomain: current.documentElement !== null && isDomainElement(current.documentElement),
    changes: judge?.log ?? (() => UNJUDGED),
  };
  const operations: OperationReport[] = [];
  let changed = false;
  for (const op of document.domain) {
    yield;
    const metered = yield* meteredSteps<OperationRan>(meter, ranOperation(op, run), (aborted) => ({
      ok: false,
      aborted,
    }));
    if (!metered.ok)
      return {
        status: 'failed',
        error: locate(metered.aborted.problem, operationLocation(document, op)),
        operations,
        endsCall: metered.aborted.endsCall,
      };
    const ran = metered.outcome;
    const early = judge?.early();
    if (early !== undefined) return refused(document, early, operations);
    if (!ran.ok)
      return {
        status: 'failed',
        error: locate(ran.problem, operationLocation(document, op)),
        operations,
      };
    if (ran.value === undefined) {
      operations.push(report(op, 0, 'when'));
      continue;
    }
    operations.push(report(op, ran.value.matches, ran.value.skipped));
    changed ||= ran.value.changed;
  }
  const late = judge === undefined ? undefined : yield* judge.verdict();
  if (late !== undefined) return refused(document, late, operations);
  return { status: 'applied', changed, operations };
}

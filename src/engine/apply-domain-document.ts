/** One patch document's `domain` operations on the DOM, in place; a failure leaves it half-patched and the caller discards it. */
import type { Document } from '@xmldom/xmldom';
import { locate, type PatchError } from './errors.js';
import { evaluateCondition, type Scope } from './expr/expression.js';
import type { PatchDocument, XmlOperation } from './model.js';
import { openDocument } from './open-document.js';
import type { OperationReport } from './report.js';
import { applyXmlOperation } from './xml/apply-xml-operation.js';

export type DocumentRun =
  | { readonly status: 'skipped'; readonly operations: readonly OperationReport[] }
  | {
      readonly status: 'applied';
      readonly changed: boolean;
      readonly operations: readonly OperationReport[];
    }
  | {
      readonly status: 'failed';
      readonly error: PatchError;
      readonly operations: readonly OperationReport[];
    };

function operationLocation(document: PatchDocument, op: XmlOperation): PatchError['location'] {
  return {
    ...op.at,
    document: document.name,
    list: 'domain',
    operation: op.index,
    op: op.op,
    path: op.path.source,
  };
}

function report(op: XmlOperation, matches: number, skipped?: 'when' | 'present'): OperationReport {
  const base = {
    list: 'domain' as const,
    index: op.index,
    op: op.op,
    path: op.path.source,
    matches,
  };
  return skipped === undefined ? base : { ...base, skipped };
}

export function runDomainDocument(
  current: Document,
  document: PatchDocument,
  scope: Scope,
): DocumentRun {
  const gate = openDocument(document, scope);
  if (gate.status !== 'open') return { ...gate, operations: [] };
  const operations: OperationReport[] = [];
  let changed = false;
  for (const op of document.domain) {
    if (op.when !== undefined) {
      const condition = evaluateCondition(op.when, scope);
      if (!condition.ok)
        return {
          status: 'failed',
          error: locate(condition.problem, operationLocation(document, op)),
          operations,
        };
      if (!condition.value) {
        operations.push(report(op, 0, 'when'));
        continue;
      }
    }
    const effect = applyXmlOperation(op, { document: current, vars: gate.vars });
    if (!effect.ok)
      return {
        status: 'failed',
        error: locate(effect.problem, operationLocation(document, op)),
        operations,
      };
    operations.push(report(op, effect.value.matches, effect.value.skipped));
    changed ||= effect.value.changed;
  }
  return { status: 'applied', changed, operations };
}

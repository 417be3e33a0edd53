/**
 * Applying a document twice must give the XML applying it once gives (docs/documents.md#how-operations-behave):
 * after an `add` or `replace` changed the document, its path is asked again, as the next call will
 * ask it.
 */
import type { Document, Node } from '@xmldom/xmldom';
import { fail, ok, type Outcome } from '../errors.js';
import type { AddOperation, ReplaceOperation } from '../model.js';
import { checkMatchCount } from './operation-effect.js';
import { selectNodes } from './select-nodes.js';

/**
 * NOT_IDEMPOTENT when the next call would replace what this one inserted (several nodes for one:
 * the document grows on every call), or would fail its match count (the path no longer selects
 * what it needs). An optional operation without `count` is satisfied by any number of matches.
 */
export function checkReselection(
  op: AddOperation | ReplaceOperation,
  document: Document,
  inserted: ReadonlySet<Node>,
): Outcome<true> {
  if (inserted.size === 0 && op.optional && op.count === undefined) return ok(true);
  const selected = selectNodes(op.path, document);
  if (selected.some((node) => inserted.has(node)))
    return fail(
      'NOT_IDEMPOTENT',
      `the path selects what this ${op.op} inserted: the next call would replace it again, ` +
        'and the domain would grow on every call',
    );
  const counted = checkMatchCount(selected.length, {
    ...(op.count === undefined ? {} : { count: op.count }),
    optional: op.optional,
    needsMatch: true,
  });
  return counted.ok
    ? ok(true)
    : fail(
        'NOT_IDEMPOTENT',
        `after this ${op.op} the path selects ${selected.length} node(s), ` +
          `so the next call would fail: ${counted.problem.message}`,
      );
}

/** `remove`: take every selected node out; removing nothing is the desired state already, not an error. */
import { fail, ok, type Outcome } from '../errors.js';
import type { RemoveOperation } from '../model.js';
import { batchRemoval } from './layout.js';
import { isAttr, isDocument } from './node-kinds.js';
import { checkMatchCount, type OperationEffect, type OperationInput } from './operation-effect.js';
import { selectNodes } from './select-nodes.js';

export function applyRemove(op: RemoveOperation, input: OperationInput): Outcome<OperationEffect> {
  const targets = selectNodes(op.path, input.document);
  const counted = checkMatchCount(targets.length, {
    ...(op.count === undefined ? {} : { count: op.count }),
    optional: false,
    needsMatch: false,
  });
  if (!counted.ok) return counted;
  for (const target of targets) {
    if (isDocument(target) || target === input.document.documentElement)
      return fail('ROOT_REMOVED', 'remove would take away the document element');
    if (!isAttr(target) && target.parentNode === null)
      return fail('WRONG_NODE_TYPE', `remove cannot take out a ${target.nodeName} node`);
  }
  const removal = batchRemoval(input.document);
  for (const target of targets) {
    input.changes.selected(target);
    const parent = isAttr(target) ? target.ownerElement : target.parentNode;
    if (parent !== null) input.changes.removed(parent, target);
    if (isAttr(target)) target.ownerElement?.removeAttributeNode(target);
    else removal.remove(target);
  }
  removal.finish();
  return ok({ matches: targets.length, changed: targets.length > 0 });
}

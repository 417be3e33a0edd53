/** An RFC 5261 operation on a DOM: `sel` must locate exactly one node, then the single dispatch on the directive. */
import type { Node } from '@xmldom/xmldom';
import { ok, type Outcome } from '../errors.js';
import type { XmlPatchOperation } from '../model.js';
import type { OperationEffect, OperationInput } from '../xml/operation-effect.js';
import { selectNodes } from '../xml/select-nodes.js';
import { addXmlPatch } from './xml-patch-add.js';
import { xmlPatchFailure, type XmlPatchDirective } from './xml-patch-directive.js';
import { onNamespaceDeclaration } from './xml-patch-namespace.js';
import { removeXmlPatch } from './xml-patch-remove.js';
import { replaceXmlPatch } from './xml-patch-replace.js';

function onNode(target: Node, directive: XmlPatchDirective, input: OperationInput): Outcome<void> {
  switch (directive.op) {
    case 'add':
      return addXmlPatch(target, directive, input);
    case 'replace':
      return replaceXmlPatch(target, directive, input);
    case 'remove':
      return removeXmlPatch(target, directive.ws, input);
  }
}

/**
 * > If the located target node is not unique, or if it does not exist, the error
 * > <unlocated-node> MUST be reported. (RFC 5261 §4.1, in substance)
 * RFC documents are applied as written: no idempotency check, every call inserts again.
 */
export function applyXmlPatchOperation(
  op: XmlPatchOperation,
  input: OperationInput,
): Outcome<OperationEffect> {
  const selected = selectNodes(op.path, input.document);
  const target = selected[0];
  if (selected.length !== 1 || target === undefined) {
    return xmlPatchFailure(
      selected.length === 0 ? 'NO_MATCH' : 'COUNT_MISMATCH',
      'unlocated-node',
      `sel selected ${selected.length} nodes, RFC 5261 needs exactly one`,
    );
  }
  input.changes.selected(target);
  const done =
    op.namespacePrefix === undefined
      ? onNode(target, op.directive, input)
      : onNamespaceDeclaration(target, op.namespacePrefix, op.directive, input);
  return done.ok ? ok({ matches: 1, changed: true }) : done;
}

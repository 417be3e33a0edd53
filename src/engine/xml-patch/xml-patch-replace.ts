/**
 * RFC 5261 §4.4 `<replace>`: a node by one node of the same type, or an attribute's or text node's
 * value by the content's text.
 */
import type { Node } from '@xmldom/xmldom';
import { ok, type Outcome, type Problem } from '../errors.js';
import { bindInsertedNamespaces } from '../xml/declare-namespace.js';
import {
  isAttr,
  isBlankText,
  isComment,
  isDocument,
  isElement,
  isProcessingInstruction,
  isText,
} from '../xml/node-kinds.js';
import type { OperationInput } from '../xml/operation-effect.js';
import { xmlPatchFailure, type XmlPatchReplace } from './xml-patch-directive.js';

function wrongTypes(
  target: Node,
  wanted: string,
): { readonly ok: false; readonly problem: Problem } {
  return xmlPatchFailure(
    'WRONG_NODE_TYPE',
    'invalid-node-types',
    `a ${target.nodeName} node is replaced by ${wanted}`,
  );
}

/**
 * Elements, comments and processing instructions are replaced by exactly one node of their own type
 * (blank text around it is layout).
 */
function replaceNode(
  target: Node,
  content: readonly Node[],
  { document, changes }: OperationInput,
): Outcome<void> {
  const kept = content.filter((node) => !isBlankText(node));
  const only = kept[0];
  const sameType = only !== undefined && only.nodeType === target.nodeType;
  if (kept.length !== 1 || !sameType) return wrongTypes(target, `exactly one node of its type`);
  const parent = target.parentNode;
  if (parent === null) return wrongTypes(target, 'nothing: it has no parent');
  const copy = document.importNode(only, true);
  changes.replaced(target, copy);
  if (!isElement(copy)) {
    parent.replaceChild(copy, target);
    return ok(undefined);
  }
  if (isDocument(parent)) {
    // the document element itself: nothing is in scope above it
    parent.replaceChild(copy, target);
    bindInsertedNamespaces(copy, copy, document);
    return ok(undefined);
  }
  if (!isElement(parent)) return wrongTypes(target, 'nothing: its parent is not an element');
  parent.replaceChild(bindInsertedNamespaces(copy, parent, document), target);
  return ok(undefined);
}

export function replaceXmlPatch(
  target: Node,
  directive: XmlPatchReplace,
  input: OperationInput,
): Outcome<void> {
  if (isElement(target) || isComment(target) || isProcessingInstruction(target))
    return replaceNode(target, directive.content, input);
  if (!isAttr(target) && !isText(target)) return wrongTypes(target, 'nothing');
  if (directive.content.some((node) => !isText(node))) return wrongTypes(target, 'text only');
  const parent = target.parentNode;
  if (isText(target) && directive.text === '' && parent !== null)
    input.changes.removed(parent, target);
  else input.changes.changed(target);
  if (isAttr(target)) {
    target.ownerElement?.setAttributeNS(target.namespaceURI, target.name, directive.text);
    return ok(undefined);
  }
  // an empty text node is no node at all once serialized
  if (directive.text === '') target.parentNode?.removeChild(target);
  else target.data = directive.text;
  return ok(undefined);
}

/** RFC 5261 §4.3 `<add>`: nodes into or beside the located node, or an attribute or namespace declaration onto it. */
import type { Document, Element, Node } from '@xmldom/xmldom';
import { ok, type Outcome } from '../errors.js';
import { bindAttributes, bindInsertedNamespaces } from '../xml/declare-namespace.js';
import {
  isBlankText,
  isComment,
  isDocument,
  isElement,
  isProcessingInstruction,
  XMLNS_NAMESPACE,
} from '../xml/node-kinds.js';
import type { OperationInput } from '../xml/operation-effect.js';
import { xmlPatchFailure, type AddType, type XmlPatchAdd } from './xml-patch-directive.js';

/** The content as copies owned by the patched document, elements bound to namespaces where they land. */
export function importContent(
  content: readonly Node[],
  parent: Element | Document,
  document: Document,
): Node[] {
  return content.map((node) => {
    const copy = document.importNode(node, true);
    return isElement(copy) && isElement(parent)
      ? bindInsertedNamespaces(copy, parent, document)
      : copy;
  });
}

function addDeclared(
  target: Node,
  type: AddType,
  text: string,
  { document, changes }: OperationInput,
): Outcome<void> {
  if (!isElement(target))
    return xmlPatchFailure(
      'WRONG_NODE_TYPE',
      'invalid-node-types',
      `only an element takes ${type.kind === 'attribute' ? 'attributes' : 'namespace declarations'}`,
    );
  if (type.kind === 'namespace') {
    if (target.hasAttributeNS(XMLNS_NAMESPACE, type.prefix))
      return xmlPatchFailure(
        'WRONG_NODE_TYPE',
        'invalid-namespace-prefix',
        `the element already declares ${type.prefix}`,
      );
    target.setAttributeNS(XMLNS_NAMESPACE, `xmlns:${type.prefix}`, text);
    const declared = target.getAttributeNodeNS(XMLNS_NAMESPACE, type.prefix);
    if (declared !== null) changes.inserted(target, declared);
    return ok(undefined);
  }
  const local = type.qualifiedName.slice(type.qualifiedName.indexOf(':') + 1);
  if (target.hasAttributeNS(type.namespaceURI, local))
    return xmlPatchFailure(
      'WRONG_NODE_TYPE',
      'invalid-patch-directive',
      `the element already has the attribute ${type.qualifiedName}`,
    );
  target.setAttributeNS(type.namespaceURI, type.qualifiedName, text);
  const added = target.getAttributeNodeNS(type.namespaceURI, local);
  if (added !== null) changes.inserted(target, added);
  bindAttributes(target, document);
  return ok(undefined);
}

/** Beside the document element only comments and processing instructions may stand (whitespace there is not kept). */
function besideRoot(content: readonly Node[]): Outcome<readonly Node[]> {
  const kept = content.filter((node) => !isBlankText(node));
  if (kept.some((node) => !isComment(node) && !isProcessingInstruction(node))) {
    return xmlPatchFailure(
      'WRONG_NODE_TYPE',
      'invalid-root-element-operation',
      'only comments and processing instructions can stand beside the document element',
    );
  }
  return ok(kept);
}

export function addXmlPatch(
  target: Node,
  directive: XmlPatchAdd,
  input: OperationInput,
): Outcome<void> {
  const { document, changes } = input;
  const { position } = directive;
  if (directive.type !== undefined)
    return addDeclared(target, directive.type, directive.text, input);
  if (position === 'append' || position === 'prepend') {
    if (!isElement(target))
      return xmlPatchFailure(
        'WRONG_NODE_TYPE',
        'invalid-node-types',
        `only an element takes children, sel located a ${target.nodeName} node`,
      );
    const first = target.firstChild;
    for (const node of importContent(directive.content, target, document)) {
      changes.inserted(target, node);
      if (position === 'prepend') target.insertBefore(node, first);
      else target.appendChild(node);
    }
    return ok(undefined);
  }
  const parent = target.parentNode;
  if (parent === null || !(isElement(parent) || isDocument(parent)))
    return xmlPatchFailure(
      'WRONG_NODE_TYPE',
      'invalid-node-types',
      `nothing can be added ${position} a ${target.nodeName} node`,
    );
  const content = isDocument(parent) ? besideRoot(directive.content) : ok(directive.content);
  if (!content.ok) return content;
  const reference = position === 'before' ? target : target.nextSibling;
  for (const node of importContent(content.value, parent, document)) {
    changes.inserted(parent, node);
    parent.insertBefore(node, reference);
  }
  return ok(undefined);
}

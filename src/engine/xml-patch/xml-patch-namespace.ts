/**
 * RFC 5261 operations whose `sel` ends in `namespace::prefix`: replace the declaration's URI
 * (renaming what uses it) or remove an unused one.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { ok, type Outcome } from '../errors.js';
import {
  childElements,
  isElement,
  isNamespaceDeclaration,
  isText,
  XMLNS_NAMESPACE,
} from '../xml/node-kinds.js';
import type { OperationInput } from '../xml/operation-effect.js';
import { xmlPatchFailure, type XmlPatchDirective } from './xml-patch-directive.js';

/** The elements in scope of `element`'s declaration of `prefix` (itself, and descendants that do not re-declare it). */
function inScope(element: Element, prefix: string, found: Element[] = []): Element[] {
  found.push(element);
  for (const child of childElements(element))
    if (!child.hasAttributeNS(XMLNS_NAMESPACE, prefix)) inScope(child, prefix, found);
  return found;
}

function usesPrefix(element: Element, prefix: string): boolean {
  return (
    element.prefix === prefix ||
    Array.from(element.attributes).some(
      (attr) => attr.prefix === prefix && !isNamespaceDeclaration(attr),
    )
  );
}

/**
 * The element and its prefixed attributes moved into namespace `uri`; the DOM keeps the URI on each
 * node, so a new declaration alone would change nothing.
 */
function rebind(element: Element, prefix: string, uri: string, input: OperationInput): void {
  const { document, changes } = input;
  changes.changed(element);
  for (const attr of Array.from(element.attributes)) {
    if (attr.prefix !== prefix || isNamespaceDeclaration(attr)) continue;
    element.removeAttributeNode(attr);
    element.setAttributeNS(uri, attr.name, attr.value);
  }
  if (element.prefix !== prefix) return;
  const copy = document.createElementNS(uri, element.tagName);
  for (const attr of Array.from(element.attributes))
    copy.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
  while (element.firstChild !== null) copy.appendChild(element.firstChild);
  changes.replaced(element, copy);
  element.parentNode?.replaceChild(copy, element);
}

export function onNamespaceDeclaration(
  target: Node,
  prefix: string,
  directive: XmlPatchDirective,
  input: OperationInput,
): Outcome<void> {
  const declaration = isElement(target) ? target.getAttributeNodeNS(XMLNS_NAMESPACE, prefix) : null;
  if (!isElement(target) || declaration === null)
    return xmlPatchFailure(
      'NO_MATCH',
      'unlocated-node',
      `the located node declares no namespace ${prefix}`,
    );
  switch (directive.op) {
    case 'add':
      return xmlPatchFailure(
        'WRONG_NODE_TYPE',
        'invalid-node-types',
        'nothing can be added to a namespace declaration',
      );
    case 'remove': {
      if (directive.ws !== undefined)
        return xmlPatchFailure(
          'WRONG_NODE_TYPE',
          'invalid-patch-directive',
          'ws does not apply to a namespace declaration',
        );
      if (inScope(target, prefix).some((element) => usesPrefix(element, prefix)))
        return xmlPatchFailure(
          'WRONG_NODE_TYPE',
          'invalid-namespace-prefix',
          `the prefix ${prefix} is still used in its scope`,
        );
      input.changes.removed(target, declaration);
      target.removeAttributeNode(declaration);
      return ok(undefined);
    }
    case 'replace': {
      if (directive.content.some((node) => !isText(node)))
        return xmlPatchFailure('WRONG_NODE_TYPE', 'invalid-node-types', 'a namespace URI is text');
      if (directive.text === '')
        return xmlPatchFailure(
          'SCHEMA_VIOLATION',
          'invalid-namespace-uri',
          'a namespace declaration needs a URI',
        );
      const scope = inScope(target, prefix);
      input.changes.changed(declaration);
      target.setAttributeNS(XMLNS_NAMESPACE, `xmlns:${prefix}`, directive.text);
      // the deepest first, so a renamed parent takes its already renamed children along
      for (const element of scope.reverse()) rebind(element, prefix, directive.text, input);
      return ok(undefined);
    }
  }
}

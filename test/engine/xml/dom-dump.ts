/** A DOM as lines, node for node in document order, for tests that compare two parses of a text. */
import type { Document, Node } from '@xmldom/xmldom';
import { isElement } from '../../../src/engine/xml/node-kinds.js';

/** Every node in document order: kind, names, namespace, value, attributes, and its document. */
export function dump(document: Document): string[] {
  const lines: string[] = [];
  const visit = (node: Node): void => {
    const attributes = isElement(node) ? Array.from(node.attributes) : [];
    lines.push(
      JSON.stringify([
        node.nodeType,
        node.nodeName,
        node.namespaceURI,
        node.nodeValue,
        node.ownerDocument === document || node === document,
        attributes.map((a) => [a.name, a.namespaceURI, a.value, a.ownerDocument === document]),
      ]),
    );
    for (let child = node.firstChild; child !== null; child = child.nextSibling) visit(child);
  };
  visit(document);
  return lines;
}

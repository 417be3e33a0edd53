/** Type guards over xmldom nodes, by DOM node type, so the rest of the engine never casts. */
import type {
  Attr,
  Comment,
  Document,
  Element,
  Node,
  ProcessingInstruction,
  Text,
} from '@xmldom/xmldom';

export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

export function isAttr(node: Node | null | undefined): node is Attr {
  return node?.nodeType === 2;
}

/** Text or CDATA section. */
export function isText(node: Node | null | undefined): node is Text {
  return node?.nodeType === 3 || node?.nodeType === 4;
}

export function isComment(node: Node | null | undefined): node is Comment {
  return node?.nodeType === 8;
}

export function isProcessingInstruction(
  node: Node | null | undefined,
): node is ProcessingInstruction {
  return node?.nodeType === 7;
}

export function isDocument(node: Node | null | undefined): node is Document {
  return node?.nodeType === 9;
}

/** Whitespace-only text: layout between elements, ignored by the equality of an idempotent `add`. */
export function isBlankText(node: Node | null | undefined): node is Text {
  return isText(node) && /^[ \t\r\n]*$/.test(node.data);
}

/** An `xmlns` or `xmlns:p` attribute. */
export function isNamespaceDeclaration(attr: Attr): boolean {
  return attr.namespaceURI === XMLNS_NAMESPACE;
}

/** A sibling walk: xmldom's live NodeList is far slower to copy on a domain with 1,000 disks. */
export function childNodes(node: Node): Node[] {
  const children: Node[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) children.push(child);
  return children;
}

export function childElements(node: Node): Element[] {
  return childNodes(node).filter(isElement);
}

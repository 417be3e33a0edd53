/** A small C14N-style normal form for tests: expanded names, sorted attributes, no namespace declarations, no whitespace-only text between elements. */
import type { Element, Node } from '@xmldom/xmldom';
import {
  childNodes,
  isBlankText,
  isComment,
  isDocument,
  isElement,
  isNamespaceDeclaration,
  isProcessingInstruction,
  isText,
} from '../../../src/engine/xml/node-kinds.js';

function expanded(namespaceURI: string | null, localName: string | null): string {
  return namespaceURI === null ? (localName ?? '') : `{${namespaceURI}}${localName ?? ''}`;
}

function element(node: Element, out: string[]): void {
  const attributes = Array.from(node.attributes)
    .filter((attr) => !isNamespaceDeclaration(attr))
    .map((attr) => `${expanded(attr.namespaceURI, attr.localName)}=${JSON.stringify(attr.value)}`)
    .sort();
  out.push(`<${expanded(node.namespaceURI, node.localName)} ${attributes.join(' ')}>`);
  const children = childNodes(node);
  const mixed = children.some((child) => isText(child) && !isBlankText(child));
  let text = '';
  for (const child of children) {
    if (isText(child)) {
      text += child.data;
      continue;
    }
    if (text !== '' && (mixed || !/^[ \t\r\n]*$/.test(text))) out.push(JSON.stringify(text));
    text = '';
    write(child, out);
  }
  if (text !== '' && (mixed || !/^[ \t\r\n]*$/.test(text) || children.every(isText)))
    out.push(JSON.stringify(text));
  out.push('</>');
}

function write(node: Node, out: string[]): void {
  if (isElement(node)) element(node, out);
  else if (isComment(node)) out.push(`<!--${node.data}-->`);
  else if (isProcessingInstruction(node)) out.push(`<?${node.target} ${node.data}?>`);
  else if (isDocument(node))
    for (const child of childNodes(node)) if (!isText(child)) write(child, out);
}

/** Two documents with the same canonical form carry the same infoset for a domain XML's purposes. */
export function canonicalXml(node: Node): string {
  const out: string[] = [];
  write(node, out);
  return out.join('\n');
}

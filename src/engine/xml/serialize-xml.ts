/**
 * Write a DOM back as XML text, escaping so that a re-parse gives the same infoset
 * (xmldom's own serializer leaves `\t`/`\n`/`\r` raw in attribute values, which a parser turns into spaces).
 */
import type { Attr, Element, Node } from '@xmldom/xmldom';
import { childNodes, isComment, isDocument, isElement, isProcessingInstruction, isText } from './node-kinds.js';

/** Text content: `&`, `<`, and `>` (always, so `]]>` can never appear); `\r` as a reference or it would be read as a line end. */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Attribute values (double-quoted): also `"`, and `\t`/`\n` which attribute-value normalisation would turn into spaces. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function writeAttribute(attr: Attr, out: string[]): void {
  out.push(' ', attr.name, '="', escapeAttribute(attr.value), '"');
}

function writeElement(element: Element, out: string[]): void {
  out.push('<', element.tagName);
  for (const attr of Array.from(element.attributes)) writeAttribute(attr, out);
  if (element.firstChild === null) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of childNodes(element)) writeNode(child, out);
  out.push('</', element.tagName, '>');
}

function writeNode(node: Node, out: string[]): void {
  if (isElement(node)) writeElement(node, out);
  else if (node.nodeType === 4 && isText(node)) out.push('<![CDATA[', node.data.split(']]>').join(']]]]><![CDATA[>'), ']]>');
  else if (isText(node)) out.push(escapeText(node.data));
  else if (isComment(node)) out.push('<!--', node.data, '-->');
  else if (isProcessingInstruction(node)) out.push('<?', node.target, node.data === '' ? '' : ' ', node.data, '?>');
  else if (isDocument(node)) for (const child of childNodes(node)) writeNode(child, out);
  else throw new Error(`cannot serialize a node of type ${node.nodeType}`);
}

/** Serialize a document or any node (a bug, not a result, if it holds a node type XML text cannot carry). */
export function serializeXml(node: Node): string {
  const out: string[] = [];
  writeNode(node, out);
  return out.join('');
}

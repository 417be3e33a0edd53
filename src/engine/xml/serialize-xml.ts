/**
 * Write a DOM back as XML text, escaping so that a re-parse gives the same infoset
 * (xmldom's own serializer leaves `\t`/`\n`/`\r` raw in attribute values, which a parser turns into spaces).
 */
import type { Attr, Element, Node } from '@xmldom/xmldom';
import { chargeWork } from '../meter.js';
import {
  childNodes,
  isComment,
  isDocument,
  isElement,
  isProcessingInstruction,
  isText,
} from './node-kinds.js';

/**
 * Text content: `&`, `<`, and `>` (always, so `]]>` can never appear); `\r` as a reference or it
 * would be read as a line end.
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  );
}

/** Attribute values: also the quote, and `\t`/`\n` which attribute-value normalisation would turn into spaces. */
export function escapeAttribute(value: string, quote: Quote = '"'): string {
  return value.replace(
    quote === '"' ? /[&<>"\t\n\r]/g : /[&<>'\t\n\r]/g,
    (c) => ATTRIBUTE_ESCAPES[c] ?? c,
  );
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

export type Quote = '"' | "'";

/**
 * How the text is laid out where the infoset leaves a choice: `<x/>` or `<x></x>` (Go's
 * encoding/xml, so KubeVirt, always writes the latter), `"` or `'` (libvirt writes `'`).
 * Following the input's habits keeps a patched domain's diff to what was patched.
 */
export interface XmlStyle {
  readonly empty: 'self-closing' | 'end-tag';
  readonly quote: Quote;
  /** empty elements written in the other form (the input's own, empty-element-forms.ts) */
  readonly otherEmpty?: ReadonlySet<Node>;
}

const DEFAULT_STYLE: XmlStyle = { empty: 'self-closing', quote: '"' };

interface Writer {
  /** pieces not yet joined */
  readonly out: string[];
  /**
   * joined text so far: a 1,000-disk domain is ~100,000 pieces, which as one array pushed a 24 MiB
   * heap over its limit
   */
  readonly done: string[];
  readonly style: XmlStyle;
}

const PIECES_PER_JOIN = 4096;

function joinPieces(writer: Writer): void {
  chargeWork(writer.out.length);
  writer.done.push(writer.out.join(''));
  writer.out.length = 0;
}

function writeAttribute(attr: Attr, { out, style }: Writer): void {
  out.push(' ', attr.name, '=', style.quote, escapeAttribute(attr.value, style.quote), style.quote);
}

function writeElement(element: Element, writer: Writer): void {
  const { out } = writer;
  out.push('<', element.tagName);
  const { attributes } = element;
  for (let i = 0; i < attributes.length; i += 1) {
    const attr = attributes.item(i);
    if (attr !== null) writeAttribute(attr, writer);
  }
  const selfClosing =
    (writer.style.empty === 'self-closing') !== (writer.style.otherEmpty?.has(element) === true);
  if (element.firstChild === null && selfClosing) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (let child = element.firstChild; child !== null; child = child.nextSibling)
    writeNode(child, writer);
  out.push('</', element.tagName, '>');
  if (out.length >= PIECES_PER_JOIN) joinPieces(writer);
}

function writeNode(node: Node, writer: Writer): void {
  const { out } = writer;
  if (isElement(node)) writeElement(node, writer);
  else if (node.nodeType === 4 && isText(node))
    out.push('<![CDATA[', node.data.split(']]>').join(']]]]><![CDATA[>'), ']]>');
  else if (isText(node)) out.push(escapeText(node.data));
  else if (isComment(node)) out.push('<!--', node.data, '-->');
  else if (isProcessingInstruction(node))
    out.push('<?', node.target, node.data === '' ? '' : ' ', node.data, '?>');
  else if (isDocument(node)) for (const child of childNodes(node)) writeNode(child, writer);
  else throw new Error(`cannot serialize a node of type ${node.nodeType}`);
}

/** Serialize a document or any node (a bug, not a result, if it holds a node type XML text cannot carry). */
export function serializeXml(node: Node, style: XmlStyle = DEFAULT_STYLE): string {
  const writer: Writer = { out: [], done: [], style };
  writeNode(node, writer);
  joinPieces(writer);
  return writer.done.join('');
}

function occurrences(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The style most of a document's text uses (a linear scan). */
export function xmlStyleOf(text: string): XmlStyle {
  return {
    empty:
      occurrences(text, /<([\w.:-]+)(?:\s[^<>]*)?><\/\1>/g) > occurrences(text, /\/>/g)
        ? 'end-tag'
        : 'self-closing',
    quote: occurrences(text, /=\s*'/g) > occurrences(text, /=\s*"/g) ? "'" : '"',
  };
}

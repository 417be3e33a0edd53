/**
 * The XPath data model (§5) read off an xmldom tree: which DOM nodes are XPath nodes, their
 * attributes, parent and string-value.
 */
import { Attr, Element, type Node } from '@xmldom/xmldom';
import { chargeXPath } from './evaluation-cost.js';

export const ELEMENT = 1;
export const ATTRIBUTE = 2;
export const TEXT = 3;
export const CDATA = 4;
export const PROCESSING_INSTRUCTION = 7;
export const COMMENT = 8;
export const DOCUMENT = 9;
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/**
 * Children the XPath tree has: elements, text (CDATA sections are text), comments and processing instructions. Not what
 * xmldom keeps besides: the doctype, the XML declaration (a processing instruction named `xml`) and whitespace text
 * directly under the document.
 */
export function isChildNode(node: Node): boolean {
  const type = node.nodeType;
  if (type === TEXT || type === CDATA) return node.parentNode?.nodeType !== DOCUMENT;
  if (type === PROCESSING_INSTRUCTION) return node.nodeName !== 'xml';
  return type === ELEMENT || type === COMMENT;
}

/**
 * > The attribute axis contains the attributes of the context node — namespace declarations are not
 * > attributes in XPath.
 */
export function attributesOf(node: Node): Node[] {
  if (!(node instanceof Element)) return [];
  const found: Node[] = [];
  const attributes = node.attributes;
  for (let index = 0; index < attributes.length; index += 1) {
    const attribute = attributes.item(index);
    if (attribute !== null && attribute.namespaceURI !== XMLNS_NAMESPACE) found.push(attribute);
  }
  return found;
}

/** An attribute's parent is its element (§5.3), though the DOM gives it no parentNode. */
export function parentOf(node: Node): Node | null {
  if (node instanceof Attr) return node.ownerElement;
  return node.nodeType === ATTRIBUTE ? null : node.parentNode;
}

export function firstChildOf(node: Node): Node | null {
  return node.nodeType === ELEMENT || node.nodeType === DOCUMENT ? node.firstChild : null;
}

export function lastChildOf(node: Node): Node | null {
  return node.nodeType === ELEMENT || node.nodeType === DOCUMENT ? node.lastChild : null;
}

/** The root of the tree a node is in: its document, or the top of a detached subtree. */
export function rootOf(node: Node): Node {
  let current = node;
  for (let parent = parentOf(current); parent !== null; parent = parentOf(current))
    current = parent;
  return current;
}

/** §5: the string-value of a root or element node is the concatenation of its descendant text nodes. */
export function stringValueOf(node: Node): string {
  const type = node.nodeType;
  if (type !== ELEMENT && type !== DOCUMENT) return node.nodeValue ?? '';
  let text = '';
  let visited = 0;
  let current = node.firstChild;
  while (current !== null && current !== node) {
    visited += 1;
    if ((current.nodeType === TEXT || current.nodeType === CDATA) && isChildNode(current))
      text += current.nodeValue ?? '';
    const down = current.nodeType === ELEMENT ? current.firstChild : null;
    if (down !== null) {
      current = down;
      continue;
    }
    current = nextInPreorder(current, node);
  }
  // the walk, and the string for whoever compares or copies it
  chargeXPath(1 + visited + (text.length >> 4));
  return text;
}

/**
 * The next node after `node`'s subtree, within `top`'s subtree (null when there is none; `top` null
 * = the whole tree).
 */
export function nextInPreorder(node: Node, top: Node | null): Node | null {
  let current: Node | null = node;
  while (current !== null && current !== top) {
    if (current.nextSibling !== null) return current.nextSibling;
    current = current.parentNode;
  }
  return null;
}

/** XPath name(): the QName as written, for elements, attributes and processing instructions. */
export function qualifiedNameOf(node: Node): string {
  const type = node.nodeType;
  return type === ELEMENT || type === ATTRIBUTE || type === PROCESSING_INSTRUCTION
    ? node.nodeName
    : '';
}

export function localNameOf(node: Node): string {
  const type = node.nodeType;
  if (type === PROCESSING_INSTRUCTION) return node.nodeName;
  return type === ELEMENT || type === ATTRIBUTE ? (node.localName ?? node.nodeName) : '';
}

export function namespaceOf(node: Node): string {
  const type = node.nodeType;
  return type === ELEMENT || type === ATTRIBUTE ? (node.namespaceURI ?? '') : '';
}

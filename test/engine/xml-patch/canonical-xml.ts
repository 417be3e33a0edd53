/** A canonical text of a document for comparing results: namespace-aware names, sorted attributes, no declarations, adjacent text merged. */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import {
  isComment,
  isElement,
  isProcessingInstruction,
  isText,
} from '../../../src/engine/xml/node-kinds.js';

function attributes(element: Element): string {
  return Array.from(element.attributes)
    .filter((attr) => attr.namespaceURI !== 'http://www.w3.org/2000/xmlns/')
    .map(
      (attr) =>
        `{${attr.namespaceURI ?? ''}}${attr.localName ?? attr.name}=${JSON.stringify(attr.value)}`,
    )
    .sort()
    .join(' ');
}

/** Children with adjacent text nodes merged (a removal can leave two side by side) and empty text dropped. */
function children(node: Node, topLevel: boolean): string[] {
  const out: string[] = [];
  let text = '';
  const flush = (): void => {
    // at the top level whitespace is not part of the document
    if (text !== '' && !(topLevel && text.trim() === '')) out.push(`text${JSON.stringify(text)}`);
    text = '';
  };
  for (const child of Array.from(node.childNodes)) {
    if (isText(child)) {
      text += child.data;
      continue;
    }
    flush();
    out.push(canonicalNode(child));
  }
  flush();
  return out;
}

function canonicalNode(node: Node): string {
  if (isElement(node))
    return `<{${node.namespaceURI ?? ''}}${node.localName ?? node.tagName} ${attributes(node)}>${children(node, false).join('')}</>`;
  if (isComment(node)) return `comment${JSON.stringify(node.data)}`;
  if (isProcessingInstruction(node)) return `pi(${node.target})${JSON.stringify(node.data)}`;
  throw new Error(`unexpected node type ${node.nodeType}`);
}

/** Whitespace inside the root element counts (the regression file says it is significant); between top-level nodes it does not. */
export function canonicalXml(text: string): string {
  return children(new DOMParser().parseFromString(text, 'text/xml'), true).join('\n');
}

/** What KubeVirt does to a domain between two hook calls, roughly: re-marshal it (new layout, other quotes, other attribute order). */
import type { Element, Node } from '@xmldom/xmldom';
import { childNodes, isBlankText, isElement } from '../../../src/engine/xml/node-kinds.js';
import { parseDomainXml } from '../../../src/engine/xml/parse-xml.js';
import { serializeXml } from '../../../src/engine/xml/serialize-xml.js';

function relayout(node: Node): void {
  const children = childNodes(node);
  const hasElements = children.some(isElement);
  for (const child of children) {
    if (hasElements && isBlankText(child)) node.removeChild(child);
    else if (isElement(child)) relayout(child);
  }
  if (isElement(node)) reverseAttributes(node);
}

function reverseAttributes(element: Element): void {
  const attributes = Array.from(element.attributes).reverse();
  for (const attr of attributes) element.removeAttributeNode(attr);
  for (const attr of attributes) element.setAttributeNodeNS(attr);
}

/** The same infoset with no indentation, single quotes, end tags for empty elements and attributes in reverse order. */
export function remarshal(xml: string): string {
  const parsed = parseDomainXml(xml);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  relayout(parsed.value);
  return serializeXml(parsed.value, { empty: 'end-tag', quote: "'" });
}

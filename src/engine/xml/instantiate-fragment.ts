/**
 * Make a fragment's nodes for one call: copies owned by the target document, with `$(name)`
 * expanded as text, never markup.
 */
import type { Document, Node } from '@xmldom/xmldom';
import { chargeChars, chargeNodes } from '../meter.js';
import type { Steps } from '../steps.js';
import { expandTemplate } from '../template.js';
import type { XmlFragment } from './fragment.js';
import { childNodes, isBlankText, isComment, isElement, isText } from './node-kinds.js';

/**
 * A comment cannot hold `--`, end in `-`, or keep a carriage return; a var's value is bent to fit
 * rather than break the document.
 */
function commentSafe(data: string): string {
  return data
    .replace(/\r\n?/g, '\n')
    .replace(/-(?=-)/g, '- ')
    .replace(/-$/, '- ');
}

/**
 * Expands vars through the copy, charging the call's budgets for every node it inserts (an
 * element counts twice: the layout gives it a line break) and every character it adds.
 */
function expandIn(node: Node, vars: ReadonlyMap<string, string>): void {
  if (isText(node)) {
    node.data = expandTemplate(node.data, vars);
    chargeNodes(1);
    chargeChars(node.data.length);
    return;
  }
  if (isComment(node)) {
    const expanded = expandTemplate(node.data, vars);
    if (expanded !== node.data) node.data = commentSafe(expanded);
    chargeNodes(1);
    chargeChars(node.data.length + 7);
    return;
  }
  chargeNodes(2);
  chargeChars(node.nodeName.length * 2 + 5);
  if (!isElement(node)) return;
  for (const attr of Array.from(node.attributes)) {
    const value = expandTemplate(attr.value, vars);
    if (value !== attr.value) node.setAttributeNS(attr.namespaceURI, attr.name, value);
    chargeChars(attr.name.length + value.length + 4);
  }
  for (const child of childNodes(node)) expandIn(child, vars);
}

/** Top-level nodes copied between two pauses: a fragment of thousands of siblings is many steps. */
const NODES_PER_STEP = 64;

/**
 * The fragment's nodes imported into `target`, vars expanded. Whitespace-only text at the top
 * level is YAML layout (`value: |` ends with a newline) and is dropped unless it is all there is.
 */
export function* instantiateFragment(
  fragment: XmlFragment,
  target: Document,
  vars: ReadonlyMap<string, string>,
): Steps<Node[]> {
  const significant = fragment.nodes.filter((node) => !isBlankText(node));
  const chosen = significant.length > 0 ? significant : fragment.nodes;
  const copies: Node[] = [];
  for (const node of chosen) {
    if (copies.length > 0 && copies.length % NODES_PER_STEP === 0) yield;
    const copy = target.importNode(node, true);
    expandIn(copy, vars);
    copies.push(copy);
  }
  return copies;
}

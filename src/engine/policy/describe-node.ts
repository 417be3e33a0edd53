/** A node as a path a reader can follow (`/domain/devices/disk[2]/@type`), for the message of a refusal. */
import type { Node } from '@xmldom/xmldom';
import { isAttr, isComment, isDocument, isElement, isText } from '../xml/node-kinds.js';

/** `name[n]` when siblings share the name; the position counts only them, as XPath's `name[n]` does. */
function step(node: Node): string {
  if (isAttr(node)) return `@${node.name}`;
  if (isText(node)) return 'text()';
  if (isComment(node)) return 'comment()';
  if (!isElement(node)) return 'node()';
  let position = 0;
  let count = 0;
  for (
    let sibling = node.parentNode?.firstChild ?? null;
    sibling !== null;
    sibling = sibling.nextSibling
  ) {
    if (!isElement(sibling) || sibling.tagName !== node.tagName) continue;
    count += 1;
    if (sibling === node) position = count;
  }
  return count > 1 ? `${node.tagName}[${position}]` : node.tagName;
}

export function describeNode(node: Node): string {
  if (isDocument(node)) return '/';
  const steps: string[] = [];
  for (
    let at: Node | null = node;
    at !== null && !isDocument(at);
    at = isAttr(at) ? at.ownerElement : at.parentNode
  )
    steps.unshift(step(at));
  return `/${steps.join('/')}`;
}

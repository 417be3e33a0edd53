/**
 * Insert many nodes into a child list with one re-index. xmldom rebuilds a parent's whole
 * childNodes list on every insertion before a sibling and on every removal, so inserting n nodes
 * one by one among n siblings is quadratic (6,000 planted elements took seconds). The sibling
 * links are set here instead, and one append and removal of a placeholder has xmldom re-index
 * the list once (and bump its counter for live lists).
 */
import type { Document, Node } from '@xmldom/xmldom';

type Links = Partial<
  Record<'parentNode' | 'previousSibling' | 'nextSibling' | 'firstChild' | 'lastChild', Node | null>
>;

/** Sets DOM links the typings call read-only: xmldom keeps them as plain properties. */
function link(node: Node, links: Links): void {
  Object.assign(node, links);
}

/** Insert `nodes` (detached, owned by `document`) before `before` (null: at the end) in one splice. */
export function spliceChildren(
  parent: Node,
  nodes: readonly Node[],
  before: Node | null,
  document: Document,
): void {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (first === undefined || last === undefined) return;
  let previous = before === null ? parent.lastChild : before.previousSibling;
  for (const node of nodes) {
    link(node, { parentNode: parent, previousSibling: previous });
    if (previous === null) link(parent, { firstChild: node });
    else link(previous, { nextSibling: node });
    previous = node;
  }
  link(last, { nextSibling: before });
  if (before === null) link(parent, { lastChild: last });
  else link(before, { previousSibling: last });
  const placeholder = document.createTextNode('');
  parent.appendChild(placeholder);
  parent.removeChild(placeholder);
}

/** Take every child out of `parent` at once; returns them in order. */
export function detachChildren(parent: Node, document: Document): Node[] {
  const children: Node[] = [];
  for (let child = parent.firstChild; child !== null; child = child.nextSibling)
    children.push(child);
  for (const child of children)
    link(child, { parentNode: null, previousSibling: null, nextSibling: null });
  link(parent, { firstChild: null, lastChild: null });
  const placeholder = document.createTextNode('');
  parent.appendChild(placeholder);
  parent.removeChild(placeholder);
  return children;
}

/** Take `node` out of its parent's sibling links without re-indexing; `reindexChildren` does that once for many. */
export function unlinkChild(node: Node): void {
  const parent = node.parentNode;
  if (parent === null) return;
  const { previousSibling: previous, nextSibling: next } = node;
  if (previous === null) link(parent, { firstChild: next });
  else link(previous, { nextSibling: next });
  if (next === null) link(parent, { lastChild: previous });
  else link(next, { previousSibling: previous });
  link(node, { parentNode: null, previousSibling: null, nextSibling: null });
}

/** Have xmldom rebuild `parent`'s childNodes (and bump its live-list counter) once. */
export function reindexChildren(parent: Node, document: Document): void {
  const placeholder = document.createTextNode('');
  parent.appendChild(placeholder);
  parent.removeChild(placeholder);
}

/**
 * Keep patched XML readable: inserted nodes get the indentation their new siblings use (KubeVirt
 * sends tab-indented XML), removed nodes take their indentation with them. Only whitespace-only
 * text between elements is touched, which equality and libvirt ignore.
 */
import type { Document, Element, Node } from '@xmldom/xmldom';
import { chargeWork } from '../meter.js';
import { childNodes, isBlankText, isComment, isElement, isText } from './node-kinds.js';
import { detachChildren, reindexChildren, spliceChildren, unlinkChild } from './splice-children.js';

export type Placement = 'append' | 'prepend' | 'before' | 'after';

/** The indentation step of the document: the layout of the root's first indented child. */
function indentUnit(document: Document): string | undefined {
  const root = document.documentElement;
  if (root === null) return undefined;
  const blank = childNodes(root).find((node) => isBlankText(node) && node.data.includes('\n'));
  return blank !== undefined && isText(blank)
    ? blank.data.slice(blank.data.lastIndexOf('\n') + 1)
    : undefined;
}

/** The indentation of the line a node starts, when it starts one. */
function lineIndent(node: Node): string | undefined {
  if (node.parentNode !== null && node.parentNode.nodeType === 9) return '';
  const before = node.previousSibling;
  if (!isBlankText(before) || !before.data.includes('\n')) return undefined;
  return before.data.slice(before.data.lastIndexOf('\n') + 1);
}

/** An element whose content is only elements/comments laid out on lines (or nothing yet). */
function isLaidOut(element: Element): boolean {
  const children = childNodes(element);
  if (children.some((node) => isText(node) && !isBlankText(node))) return false;
  return (
    children.length === 0 || children.some((node) => isBlankText(node) && node.data.includes('\n'))
  );
}

/**
 * `isLaidOut`, remembered across the insertions and removals of one operation (they do not change
 * it), so many targets under one parent stay linear.
 */
function knownLaidOut(element: Element, laidOut: Map<Node, boolean>): boolean {
  const known = laidOut.get(element) ?? isLaidOut(element);
  laidOut.set(element, known);
  return known;
}

function newline(document: Document, indent: string): Node {
  return document.createTextNode(`\n${indent}`);
}

/**
 * Lay an inserted element's own content out one step deeper than the element (one splice, not one
 * insertion per child).
 */
function reindent(element: Element, indent: string, unit: string, document: Document): void {
  const children = childNodes(element);
  if (
    children.length === 0 ||
    !children.every((node) => isBlankText(node) || isElement(node) || isComment(node))
  )
    return;
  const kept = detachChildren(element, document).filter((node) => !isBlankText(node));
  const lines: Node[] = [];
  for (const node of kept) {
    lines.push(newline(document, indent + unit), node);
    if (isElement(node)) reindent(node, indent + unit, unit, document);
  }
  lines.push(newline(document, indent));
  spliceChildren(element, lines, null, document);
}

/** The nodes inserted before `before` with one re-index of the parent's child list (splice-children.ts). */
function insertAll(parent: Node, nodes: readonly Node[], before: Node | null): void {
  chargeWork(nodes.length + parent.childNodes.length);
  const document = parent.ownerDocument;
  if (nodes.length === 1 || document === null) {
    for (const node of nodes) parent.insertBefore(node, before);
    return;
  }
  for (const node of nodes) node.parentNode?.removeChild(node);
  spliceChildren(parent, nodes, before, document);
}

/** Insert `nodes` relative to `target` (its child list for append/prepend, beside it for before/after). */
export function insertNodes(
  target: Element,
  nodes: readonly Node[],
  requested: Placement,
  document: Document,
  laidOut: Map<Node, boolean> = new Map(),
): void {
  const placement = requested === 'prepend' && target.firstChild === null ? 'append' : requested;
  const parent = placement === 'before' || placement === 'after' ? target.parentNode : target;
  if (parent === null) return;
  const anchor =
    placement === 'before'
      ? target
      : placement === 'after'
        ? target.nextSibling
        : placement === 'prepend'
          ? target.firstChild
          : null;
  const unit = indentUnit(document);
  const layable =
    nodes.every((node) => isElement(node) || isComment(node)) &&
    isElement(parent) &&
    knownLaidOut(parent, laidOut);
  const parentIndent = isElement(parent) ? lineIndent(parent) : undefined;
  const indent =
    placement === 'before' || placement === 'after'
      ? lineIndent(target)
      : parentIndent === undefined || unit === undefined
        ? undefined
        : parentIndent + unit;
  if (unit === undefined || !layable || indent === undefined) {
    insertAll(parent, nodes, anchor);
    if (nodes.some(isText)) laidOut.delete(parent);
    return;
  }
  for (const node of nodes) if (isElement(node)) reindent(node, indent, unit, document);
  const lines = nodes.flatMap((node) => [newline(document, indent), node]);
  if (placement === 'before') {
    insertAll(parent, [...lines.slice(1), newline(document, indent)], anchor);
  } else if (placement === 'after' || placement === 'prepend') {
    const closing =
      placement === 'prepend' && anchor !== null && !isBlankText(anchor)
        ? [newline(document, indent)]
        : [];
    insertAll(parent, [...lines, ...closing], anchor);
  } else {
    const last = parent.lastChild;
    if (last === null) insertAll(parent, [...lines, newline(document, parentIndent ?? '')], null);
    else insertAll(parent, lines, isBlankText(last) ? last : null);
  }
}

/** The blank text with a line break before `node` in a laid-out parent: it goes when `node` goes. */
function introducingLineBreak(
  node: Node,
  parent: Node,
  laidOut: Map<Node, boolean>,
): Node | undefined {
  const before = node.previousSibling;
  return isBlankText(before) &&
    before.data.includes('\n') &&
    isElement(parent) &&
    knownLaidOut(parent, laidOut)
    ? before
    : undefined;
}

/** Remove a node, and the line break that introduced it. */
export function removeNode(node: Node, laidOut: Map<Node, boolean> = new Map()): void {
  const parent = node.parentNode;
  if (parent === null) return;
  // xmldom re-indexes the parent's child list on every removal
  chargeWork(1 + parent.childNodes.length);
  const lineBreak = introducingLineBreak(node, parent, laidOut);
  if (lineBreak !== undefined) parent.removeChild(lineBreak);
  parent.removeChild(node);
}

/** Removals of one operation whose child lists are re-indexed once, at `finish`. */
export interface BatchRemoval {
  /** take `node` out now, with the line break that introduced it (its siblings see it gone at once) */
  remove(node: Node): void;
  /** re-index each parent's child list once */
  finish(): void;
}

/**
 * One xmldom removal re-indexes the parent's whole child list: quadratic when the nodes are
 * siblings (`remove //disk` on 2,000 disks). The sibling links change at each removal, the
 * lists once per parent at the end.
 */
export function batchRemoval(document: Document): BatchRemoval {
  const parents = new Set<Node>();
  const laidOut = new Map<Node, boolean>();
  return {
    remove: (node) => {
      const parent = node.parentNode;
      if (parent === null) return;
      chargeWork(1);
      const lineBreak = introducingLineBreak(node, parent, laidOut);
      if (lineBreak !== undefined) unlinkChild(lineBreak);
      unlinkChild(node);
      parents.add(parent);
    },
    finish: () => {
      for (const parent of parents) {
        chargeWork(1 + parent.childNodes.length);
        reindexChildren(parent, document);
      }
    },
  };
}

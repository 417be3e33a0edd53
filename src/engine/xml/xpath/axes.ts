/**
 * The nodes along an axis (§2.2) that pass a node test, in axis order: forward axes in document
 * order, reverse axes nearest first.
 */
import type { Node } from '@xmldom/xmldom';
import {
  attributesOf,
  firstChildOf,
  isChildNode,
  lastChildOf,
  nextInPreorder,
  parentOf,
  ATTRIBUTE,
} from './data-model.js';
import { chargeXPath } from './evaluation-cost.js';
import { passes } from './node-test.js';
import type { Axis, NodeTest } from './syntax-tree.js';

/** The axes evaluated here: all but `namespace`, which compileXPath rejects (the DOM has no namespace nodes). */
export type LinearAxis = Exclude<Axis, 'namespace'>;

export function isLinearAxis(axis: Axis): axis is LinearAxis {
  return axis !== 'namespace';
}

/** Reverse axes count proximity positions from the context node outwards. */
export function isReverseAxis(axis: Axis): boolean {
  return (
    axis === 'ancestor' ||
    axis === 'ancestor-or-self' ||
    axis === 'preceding-sibling' ||
    axis === 'preceding' ||
    axis === 'parent'
  );
}

/** The nodes along the axis; the nodes visited to find them are charged to the evaluation's cost. */
export function axisNodes(axis: LinearAxis, node: Node, test: NodeTest): Node[] {
  const found: Node[] = [];
  chargeXPath(1 + visitAxis(axis, node, test, found));
  return found;
}

/** Fills `found`; returns how many nodes it visited. */
function visitAxis(axis: LinearAxis, node: Node, test: NodeTest, found: Node[]): number {
  let visited = 0;
  switch (axis) {
    case 'self':
      keep(found, test, axis, node);
      break;
    case 'child':
      for (let child = firstChildOf(node); child !== null; child = child.nextSibling) {
        visited += 1;
        if (isChildNode(child)) keep(found, test, axis, child);
      }
      break;
    case 'attribute': {
      const attributes = attributesOf(node);
      for (const attribute of attributes) keep(found, test, axis, attribute);
      visited += attributes.length;
      break;
    }
    case 'descendant-or-self':
      keep(found, test, axis, node);
      visited += descendants(node, found, test, axis);
      break;
    case 'descendant':
      visited += descendants(node, found, test, axis);
      break;
    case 'parent': {
      const parent = parentOf(node);
      if (parent !== null) keep(found, test, axis, parent);
      break;
    }
    case 'ancestor-or-self':
    case 'ancestor':
      if (axis === 'ancestor-or-self') keep(found, test, axis, node);
      visited += ancestors(node, found, test, axis);
      break;
    case 'following-sibling':
    case 'preceding-sibling':
      visited += siblings(node, found, test, axis);
      break;
    case 'following':
      visited += following(node, found, test);
      break;
    case 'preceding':
      visited += preceding(node, found, test);
      break;
  }
  return visited;
}

/** The ancestors, nearest first; how many were visited. */
function ancestors(node: Node, found: Node[], test: NodeTest, axis: Axis): number {
  let visited = 0;
  for (let ancestor = parentOf(node); ancestor !== null; ancestor = parentOf(ancestor)) {
    visited += 1;
    keep(found, test, axis, ancestor);
  }
  return visited;
}

/** The siblings after the node, or before it nearest first (an attribute has none); how many were visited. */
function siblings(
  node: Node,
  found: Node[],
  test: NodeTest,
  axis: 'following-sibling' | 'preceding-sibling',
): number {
  if (node.nodeType === ATTRIBUTE) return 0;
  const forward = axis === 'following-sibling';
  let visited = 0;
  for (
    let sibling = forward ? node.nextSibling : node.previousSibling;
    sibling !== null;
    sibling = forward ? sibling.nextSibling : sibling.previousSibling
  ) {
    visited += 1;
    if (isChildNode(sibling)) keep(found, test, axis, sibling);
  }
  return visited;
}

/** A plain function rather than a closure per call: this is the innermost loop of every step. */
function keep(found: Node[], test: NodeTest, axis: Axis, candidate: Node): void {
  if (passes(test, candidate, axis)) found.push(candidate);
}

/** > all nodes … after the context node in document order, excluding any descendants and excluding attribute nodes */
function following(node: Node, found: Node[], test: NodeTest): number {
  const element = node.nodeType === ATTRIBUTE ? parentOf(node) : null;
  let visited = element === null ? 0 : descendants(element, found, test, 'following');
  let current = nextInPreorder(element ?? node, null);
  while (current !== null) {
    visited += 1;
    if (isChildNode(current)) keep(found, test, 'following', current);
    current = firstChildOf(current) ?? nextInPreorder(current, null);
  }
  return visited;
}

/** > all nodes … before the context node in document order, excluding any ancestors — visited nearest first. */
function preceding(node: Node, found: Node[], test: NodeTest): number {
  const start = node.nodeType === ATTRIBUTE ? parentOf(node) : node;
  if (start === null) return 0;
  let visited = 0;
  const ancestors = new Set<Node>();
  for (let ancestor = parentOf(start); ancestor !== null; ancestor = parentOf(ancestor))
    ancestors.add(ancestor);
  for (
    let current = previousInDocument(start);
    current !== null;
    current = previousInDocument(current)
  ) {
    visited += 1;
    if (isChildNode(current) && !ancestors.has(current)) keep(found, test, 'preceding', current);
  }
  return visited;
}

/** The node before this one in document order: the last descendant of the previous sibling, or else the parent. */
function previousInDocument(node: Node): Node | null {
  let current = node.previousSibling;
  if (current === null) return node.parentNode;
  for (let last = lastChildOf(current); last !== null; last = lastChildOf(current)) current = last;
  return current;
}

/** Preorder walk of the XPath children below `top` (attributes are not descendants). */
function descendants(top: Node, found: Node[], test: NodeTest, axis: Axis): number {
  let visited = 0;
  let current = firstChildOf(top);
  while (current !== null) {
    visited += 1;
    if (isChildNode(current)) keep(found, test, axis, current);
    current = firstChildOf(current) ?? nextInPreorder(current, top);
  }
  return visited;
}

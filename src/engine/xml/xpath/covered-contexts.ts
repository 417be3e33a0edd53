/**
 * Skip context nodes whose step result another context's result already contains, so that
 * `//disk/following-sibling::*`,
 * `//a//b` or `//x/following::y` stay linear: only for steps whose predicates do not depend on position (the union is
 * then the same).
 */
import type { Node } from '@xmldom/xmldom';
import { ATTRIBUTE, parentOf } from './data-model.js';
import type { Axis } from './syntax-tree.js';

/** 'flat': in document order and no node contains another; 'ordered': in document order only. */
export type NodeSetShape = 'flat' | 'ordered';

export interface Contexts {
  readonly nodes: readonly Node[];
  readonly shape: NodeSetShape;
}

/** `nodes` are in document order. */
export function withoutCoveredContexts(
  axis: Axis,
  nodes: readonly Node[],
  shape: NodeSetShape,
): Contexts {
  switch (axis) {
    case 'following-sibling':
      // the first context under a parent has every later sibling's following siblings
      return { nodes: firstPerParent(nodes), shape };
    case 'preceding-sibling':
      return { nodes: firstPerParent([...nodes].reverse()).reverse(), shape };
    case 'descendant':
    case 'descendant-or-self': {
      const kept = shape === 'flat' ? undefined : outermost(nodes, axis);
      return kept === undefined ? { nodes, shape } : { nodes: kept, shape: 'flat' };
    }
    case 'following':
      // following(c) is everything after c's subtree: the context whose subtree ends first covers all others
      return hasAttributes(nodes) ? { nodes, shape } : { nodes: earliestEnding(nodes), shape };
    case 'preceding': {
      // preceding(c) grows with c: nodes before an earlier context, and not its ancestors, precede the last one too
      const last = nodes.at(-1);
      return last === undefined || hasAttributes(nodes)
        ? { nodes, shape }
        : { nodes: [last], shape };
    }
    default:
      return { nodes, shape };
  }
}

function firstPerParent(nodes: readonly Node[]): Node[] {
  const parents = new Set<Node>();
  return nodes.filter((node) => {
    const parent = node.nodeType === ATTRIBUTE ? null : node.parentNode;
    if (parent === null || parents.has(parent)) return false;
    parents.add(parent);
    return true;
  });
}

/**
 * Contexts not inside an earlier kept one (in document order a node inside a kept subtree comes right after it).
 * Attributes select nothing on the descendant axis; on descendant-or-self they select themselves, outside their
 * element's result, so then nothing is skipped (undefined).
 */
function outermost(
  nodes: readonly Node[],
  axis: 'descendant' | 'descendant-or-self',
): Node[] | undefined {
  const kept: Node[] = [];
  let top: Node | undefined;
  for (const node of nodes) {
    if (node.nodeType === ATTRIBUTE) {
      if (axis === 'descendant-or-self') return undefined;
      continue;
    }
    if (top !== undefined && isInside(node, top)) continue;
    kept.push(node);
    top = node;
  }
  return kept;
}

function hasAttributes(nodes: readonly Node[]): boolean {
  return nodes.some((node) => node.nodeType === ATTRIBUTE);
}

/** In document order, a later context ends first only if it lies inside the current best one. */
function earliestEnding(nodes: readonly Node[]): Node[] {
  let best: Node | undefined;
  for (const node of nodes) if (best === undefined || isInside(node, best)) best = node;
  return best === undefined ? [] : [best];
}

function isInside(node: Node, top: Node): boolean {
  for (let ancestor = parentOf(node); ancestor !== null; ancestor = parentOf(ancestor))
    if (ancestor === top) return true;
  return false;
}
